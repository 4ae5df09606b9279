package io.floodgate.audit.replay;

import io.floodgate.contracts.sale.AdmissionRateChanged;
import io.floodgate.contracts.sale.ProofOfWorkChanged;
import io.floodgate.contracts.sale.QueueMessagePosted;
import io.floodgate.contracts.sale.SaleClosed;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SalePaused;
import io.floodgate.contracts.sale.SaleResumed;
import io.floodgate.contracts.sale.SectionConfig;

import java.time.Duration;
import java.util.Locale;

/** The timeline's sentences for a sale's lifecycle. */
public final class TimelineWords {
    private TimelineWords() {
    }

    static String created(SaleCreated c) {
        SaleConfig config = c.config();
        int seats = config.sections().stream().mapToInt(SectionConfig::capacity).sum();
        return "sale created by " + c.operator() + ": \"" + config.name() + "\", " + config.sections().size()
                + " section(s), " + seats + " seats, opens " + config.opensAt() + ", admits "
                + config.admissionRatePerSecond() + "/s, at most " + config.maxActiveShoppers()
                + " shoppers, window " + duration(config.admissionWindow()) + ", holds " + duration(config.holdDuration())
                + (config.paymentRatePerMinute() == null ? "" : ", payments at most " + config.paymentRatePerMinute() + "/min");
    }

    static String operator(SaleEvent e) {
        String by = " by " + e.operator();
        if (e instanceof SalePaused p) {
            return "paused" + by + ": " + p.reason();
        } else if (e instanceof SaleResumed r) {
            return "resumed" + by + ": " + r.reason();
        } else if (e instanceof SaleClosed c) {
            return "closed" + by + ": " + c.reason();
        } else if (e instanceof AdmissionRateChanged r) {
            return "admission rate set to " + r.admissionRatePerSecond() + "/s" + by + ": " + r.reason();
        } else if (e instanceof QueueMessagePosted m) {
            return m.message().isEmpty() ? "message to the line cleared" + by : "message to the line" + by + ": \"" + m.message() + "\"";
        } else if (e instanceof ProofOfWorkChanged w) {
            return (w.required() ? "proof of work on joining set to max number " + w.maxNumber() : "proof of work off")
                    + by + (w.reason() == null ? "" : ": " + w.reason());
        }
        return e.getClass().getSimpleName() + by;
    }

    /** A duration as a person reads it: 45 s, 12 min 5 s, 2 h 3 min. */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return d.toMillis() < 10_000 && d.toMillis() % 1000 != 0
                    ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0) : s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }
}
