package io.floodgate.contracts.sale;

/**
 * Whether a sale's joins must carry a solved proof-of-work challenge, and how hard it is: the
 * secret number of each challenge is drawn from 0..{@code maxNumber}, so a client tries half of
 * them on average.
 */
public record ProofOfWork(boolean required, long maxNumber) {
    /** A sale with no {@link ProofOfWorkChanged} (every sale before the event existed): no challenge. */
    public static final ProofOfWork OFF = new ProofOfWork(false, 0);
}
