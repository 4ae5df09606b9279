package io.floodgate.gateway.auth;

import io.floodgate.gateway.api.ApiException;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The credentials as the gateway checks them at startup (the bean is eager) and at every operator call. */
class OperatorCredentialsTest {
    static String sha256(String token) {
        return HexFormat.of().formatHex(OperatorCredentials.sha256(token));
    }

    private static OperatorCredentials of(String token, String... entries) {
        return new OperatorCredentials(new OperatorSettings(Optional.ofNullable(token), Optional.of(List.of(entries))));
    }

    private static String refusal(String token, String... entries) {
        return assertThrows(ConfigurationException.class, () -> of(token, entries)).getMessage();
    }

    @Test
    void eachTokenSignsInAsItsCredentialsNameAndRole() {
        OperatorCredentials credentials = of("local-token", "anna:operator:" + sha256("anna-token"),
                "victor:viewer:" + sha256("victor-token").toUpperCase());

        assertEquals(Optional.of(new Operator("anna", OperatorRole.OPERATOR)), credentials.find("anna-token"));
        assertEquals(Optional.of(new Operator("victor", OperatorRole.VIEWER)), credentials.find("victor-token"));
        assertEquals(Optional.of(new Operator("operator", OperatorRole.OPERATOR)), credentials.find("local-token"),
                "floodgate.operator.token is one credential named operator");
        assertEquals(Optional.empty(), credentials.find("mallory-token"));
        assertEquals(Optional.empty(), credentials.find(sha256("anna-token")), "the hash is not the token");
    }

    @Test
    void blankEntriesInTheCredentialListAreSkippedNotFatal() {
        OperatorCredentials credentials = of(null, "anna:operator:" + sha256("anna-token"), "", "  ",
                "victor:viewer:" + sha256("victor-token"));

        assertEquals(Optional.of(new Operator("anna", OperatorRole.OPERATOR)), credentials.find("anna-token"));
        assertEquals(Optional.of(new Operator("victor", OperatorRole.VIEWER)), credentials.find("victor-token"));
        assertFalse(of(null, "", " ").configured(), "only blanks: no credential, the API stays off");
    }

    @Test
    void withNoCredentialTheOperatorApiIsSwitchedOff() {
        OperatorCredentials none = of(null);
        assertFalse(none.configured());
        ApiException refused = assertThrows(ApiException.class, () -> new OperatorGuard(none).check("Bearer x", HttpMethod.GET));
        assertEquals(HttpStatus.FORBIDDEN, refused.toResponse().status());
    }

    @Test
    void aViewerReadsButEveryOtherMethodIsRefusedReadOnly() {
        OperatorGuard guard = new OperatorGuard(of(null, "victor:viewer:" + sha256("v")));
        assertEquals("victor", guard.check("Bearer v", HttpMethod.GET).name());
        for (HttpMethod action : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            ApiException refused = assertThrows(ApiException.class, () -> guard.check("Bearer v", action));
            assertEquals("READ_ONLY_OPERATOR", refused.toError().error(), action.name());
        }
    }

    @Test
    void startupRefusesTwoCredentialsWithOneName() {
        assertTrue(refusal(null, "anna:operator:" + sha256("a"), "anna:viewer:" + sha256("b"))
                .contains("the name 'anna' is given to two credentials"));
        assertTrue(refusal("t", "operator:viewer:" + sha256("b")).contains("floodgate.operator.token signs in as"));
    }

    @Test
    void startupRefusesTwoCredentialsWithOneToken() {
        assertTrue(refusal(null, "anna:operator:" + sha256("same"), "bob:viewer:" + sha256("same"))
                .contains("credential 'bob' has the same token as another"));
        assertTrue(refusal("same", "bob:viewer:" + sha256("same")).contains("the same token"));
    }

    @Test
    void startupRefusesAnUnknownRoleABadNameOrATokenInsteadOfItsHash() {
        assertTrue(refusal(null, "anna:admin:" + sha256("a")).contains("the role 'admin' is neither operator nor viewer"));
        assertTrue(refusal(null, "an na:operator:" + sha256("a")).contains("entry 1: the name must be"));
        assertTrue(refusal(null, "anna:operator:my-secret-token").contains("must be 64 hex digits"));
        assertTrue(refusal(null, "anna:operator").contains("entry 1 is not name:role:sha256-of-token"));
        assertTrue(refusal(null, "anna:operator").startsWith("floodgate.operator.credentials (FLOODGATE_OPERATOR_CREDENTIALS)"));
    }
}
