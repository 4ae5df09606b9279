package io.floodgate.gateway.auth;

/**
 * Who is calling the operator API, from the credential they presented: the name recorded in the
 * events they cause and what they may do. Set by {@link OperatorFilter} as the request attribute
 * {@value #ATTRIBUTE}.
 */
public record Operator(String name, OperatorRole role) {
    public static final String ATTRIBUTE = "floodgate.operator";
}
