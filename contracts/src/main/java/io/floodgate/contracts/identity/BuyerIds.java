package io.floodgate.contracts.identity;

import java.util.regex.Pattern;

/**
 * What a buyer id may be, in one place for the gateway that checks site tokens and the tools that
 * mint them (docs/security.md, "Buyer identity").
 */
public final class BuyerIds {
    /** The gateway's own anonymous identities start with it; no site subject may. */
    public static final String ANONYMOUS_PREFIX = "anon-";
    /** Shorter HS256 keys can be brute-forced offline from one token. */
    public static final int MIN_HMAC_SECRET_BYTES = 32;
    /**
     * Printable, bounded and free of {@code /} and spaces, so the keys built from it (the join's
     * {@code sale/buyer}, the limiters') stay unambiguous; {@code |} and {@code :} are in subjects
     * such as {@code auth0|123} or {@code google-oauth2:456}.
     */
    private static final Pattern SITE_SUBJECT = Pattern.compile("[A-Za-z0-9._@+|:-]{1,128}");
    public static final String SITE_SUBJECT_RULE = "1-128 letters, digits or ._@+|:-, not starting with "
            + ANONYMOUS_PREFIX;

    private BuyerIds() {
    }

    /** A subject a site token may name: never one that could be taken for an anonymous identity. */
    public static boolean validSiteSubject(String subject) {
        return subject != null && SITE_SUBJECT.matcher(subject).matches() && !subject.startsWith(ANONYMOUS_PREFIX);
    }
}
