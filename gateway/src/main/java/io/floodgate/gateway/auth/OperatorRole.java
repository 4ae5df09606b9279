package io.floodgate.gateway.auth;

import java.util.Locale;

/** What an operator credential allows. */
public enum OperatorRole {
    /** Reads the console's figures and acts: creates, pauses, resumes, closes sales, sets rates, posts messages. */
    OPERATOR,
    /** Reads the console's figures only: every action is refused 403 READ_ONLY_OPERATOR. */
    VIEWER;

    public boolean mayAct() {
        return this == OPERATOR;
    }

    /** {@code operator} or {@code viewer}, as configured; null for anything else. */
    static OperatorRole parse(String text) {
        for (OperatorRole role : values()) {
            if (role.name().toLowerCase(Locale.ROOT).equals(text)) {
                return role;
            }
        }
        return null;
    }
}
