package io.floodgate.gateway.accesscode;

import io.floodgate.contracts.accesscode.AccessCodes;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Set;

/** New access codes: {@link AccessCodes#GENERATED_LENGTH} characters of SecureRandom, 100 bits each. */
@Singleton
public final class AccessCodeGenerator {
    private final SecureRandom random = new SecureRandom();

    /** {@code count} distinct normalized codes. */
    public Set<String> generate(int count) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            char[] code = new char[AccessCodes.GENERATED_LENGTH];
            for (int i = 0; i < code.length; i++) {
                code[i] = AccessCodes.ALPHABET.charAt(random.nextInt(AccessCodes.ALPHABET.length()));
            }
            codes.add(new String(code));
        }
        return codes;
    }
}
