package io.floodgate.contracts.accesscode;

import io.floodgate.contracts.EventMeta;

import java.util.List;

/**
 * An operator issued (generated or imported) access codes for an invite-only sale. Only their
 * hashes ({@link AccessCodes#hash}) are recorded, at most {@link AccessCodes#MAX_PER_RECORD} per
 * record, so no record grows with what an operator sends: a larger batch is several records.
 *
 * @param operator who issued them
 * @param hashes   the codes' SHA-256 hashes, lowercase hex
 */
public record AccessCodesIssued(EventMeta meta, String operator, List<String> hashes) implements AccessCodeEvent {
    public AccessCodesIssued {
        hashes = List.copyOf(hashes);
    }
}
