package io.floodgate.audit;

import io.floodgate.payment.reconcile.ReconciliationText;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the reports write figures for people: fixed widths, UTC to the millisecond, the same on every machine. */
public final class Text {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Text() {
    }

    public static String instant(Instant at) {
        return at == null ? "-" : UTC.format(at);
    }

    /** An offset as +HH:MM:SS.mmm. */
    public static String offset(long ms) {
        long abs = Math.abs(ms);
        return String.format(Locale.ROOT, "%s%02d:%02d:%02d.%03d", ms < 0 ? "-" : "+", abs / 3_600_000,
                abs / 60_000 % 60, abs / 1000 % 60, abs % 1000);
    }

    public static String money(long cents, String currency) {
        return ReconciliationText.money(cents) + (currency == null || currency.isEmpty() ? "" : " " + currency);
    }

    public static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    public static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
