package io.floodgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floodgate.proofofwork.Solver;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code floodgate solve}: reads a proof-of-work challenge (the JSON of
 * {@code GET /api/sales/{id}/challenge}) on standard input and prints the join's {@code altcha}
 * field, solved with ALTCHA's solver: what a JSON client does (docs/api.md, "Proof of work").
 */
public final class SolveCommand implements Command {
    private final InputStream in;

    public SolveCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public String usage() {
        return "curl -s .../api/sales/<saleId>/challenge | floodgate solve";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        JsonNode c = new ObjectMapper().readTree(in);
        for (String field : List.of("algorithm", "challenge", "maxnumber", "salt", "signature")) {
            if (c == null || !c.hasNonNull(field)) {
                throw new UsageException("standard input is not a challenge: no '" + field + "'");
            }
        }
        out.println(Solver.solve(c.get("algorithm").asText(), c.get("challenge").asText(), c.get("maxnumber").asLong(),
                c.get("salt").asText(), c.get("signature").asText()));
        return 0;
    }
}
