package io.floodgate.cli.audit;

import io.floodgate.audit.fairness.FairnessAudit;
import io.floodgate.audit.fairness.FairnessReport;
import io.floodgate.audit.fairness.FairnessText;
import io.floodgate.audit.log.Progress;
import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.cli.Command;
import io.floodgate.cli.Options;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code floodgate fairness}: the fairness report of a sale; exit 1 when it finds anything. */
public final class FairnessCommand implements Command {
    public static final String USAGE = "./floodgate fairness " + SaleSource.USAGE + " [--json]";

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(args, SaleSource.OPTIONS, Set.of("--json"));
        FairnessReport report = FairnessAudit.of(SaleReplay.of(SaleSource.open(options, Progress.to(err, "records read"))));
        out.print(options.has("--json") ? Reports.json(report) : FairnessText.format(report));
        return report.fair() ? 0 : 1;
    }
}
