package io.floodgate.contracts.queue;

import io.floodgate.contracts.EventMeta;

/**
 * queue-service drew the sale's pre-queue seed (and a nonce) and commits to it before any buyer
 * is pre-queued: {@code commitment} is the {@link DrawCommitment} of the two under {@code scheme}.
 * {@link LineOpened} reveals both, so anyone can check the draw was not chosen after the arrivals.
 */
public record DrawCommitted(EventMeta meta, String commitment, String scheme) implements QueueEvent {
}
