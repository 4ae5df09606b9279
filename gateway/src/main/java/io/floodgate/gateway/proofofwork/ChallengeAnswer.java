package io.floodgate.gateway.proofofwork;

import io.floodgate.proofofwork.Challenge;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The challenge endpoint's answer: the challenge's fields, and the anonymous identity token when
 * this call issued it (a JSON client sends it back in {@code Floodgate-Identity} with its join,
 * which must be by the same identity).
 */
public record ChallengeAnswer(@JsonUnwrapped Challenge challenge,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String identity) {
}
