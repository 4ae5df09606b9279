package io.floodgate.gateway.identity;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Duration;

/**
 * The platform's public keys from its JWKS: cached (refreshed ahead of expiry), refetched at most
 * twice per 30 s for unknown key ids, and during an outage the last keys fetched are used for up
 * to {@link #OUTAGE_TOLERANCE}. Remembers whether the last fetch failed, so a token whose key
 * cannot be found is told 503 (retry) while the keys cannot be had, and 401 only when a fresh
 * key set truly lacks its key.
 */
final class PlatformKeys {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformKeys.class);
    /** How long stale keys stand in while the JWKS cannot be fetched: a platform outage of an hour. */
    static final Duration OUTAGE_TOLERANCE = Duration.ofHours(1);
    /** A JWKS is a few keys: a larger answer is refused. */
    private static final int MAX_JWKS_BYTES = 64 * 1024;

    private final JWKSource<SecurityContext> source;
    private volatile boolean lastFetchFailed;

    PlatformKeys(IdentitySettings.Site site) {
        int timeout = (int) site.jwksTimeout().toMillis();
        URLBasedJWKSetSource<SecurityContext> url;
        try {
            url = new URLBasedJWKSetSource<>(site.jwksUrl().orElseThrow().toURL(),
                    new DefaultResourceRetriever(timeout, timeout, MAX_JWKS_BYTES));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("floodgate.identity.site.jwks-url is not a URL: " + e.getMessage());
        }
        source = JWKSourceBuilder.create(new Watched(url))
                .cache(site.jwksCacheLifetime().toMillis(), timeout)
                .refreshAheadCache(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, false)
                .rateLimited(true)
                .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                .retrying(false)
                .build();
        fetchNow();
    }

    JWKSource<SecurityContext> source() {
        return source;
    }

    /** The keys could not be had the last time we asked the platform for them. */
    boolean unavailable() {
        return lastFetchFailed;
    }

    /** At startup, so the first buyers do not wait for it; bounded by the fetch timeout, a failure only warns. */
    private void fetchNow() {
        try {
            source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        } catch (KeySourceException e) {
            LOG.warn("cannot fetch the site's keys at startup (floodgate.identity.site.jwks-url); "
                    + "joins answer 503 IDENTITY_UNAVAILABLE until it can be fetched: {}", e.getMessage());
        }
    }

    /** The fetch itself, watched for failure. */
    private final class Watched implements JWKSetSource<SecurityContext> {
        private final JWKSetSource<SecurityContext> fetch;

        Watched(JWKSetSource<SecurityContext> fetch) {
            this.fetch = fetch;
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
                throws KeySourceException {
            try {
                JWKSet keys = fetch.getJWKSet(refresh, currentTime, context);
                lastFetchFailed = false;
                return keys;
            } catch (KeySourceException | RuntimeException e) {
                lastFetchFailed = true;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            fetch.close();
        }
    }
}
