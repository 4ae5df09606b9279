package io.floodgate.cli.audit;

import io.floodgate.audit.log.Progress;
import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.audit.timeline.Timeline;
import io.floodgate.audit.timeline.TimelineText;
import io.floodgate.cli.Command;
import io.floodgate.cli.Options;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code floodgate replay}: rebuilds a sale from its events into fresh state and prints its timeline. */
public final class ReplayCommand implements Command {
    public static final String USAGE = "./floodgate replay " + SaleSource.USAGE + " [--json]";

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(args, SaleSource.OPTIONS, Set.of("--json"));
        Timeline timeline = Timeline.of(SaleReplay.of(SaleSource.open(options, Progress.to(err, "records read"))));
        out.print(options.has("--json") ? Reports.json(timeline) : TimelineText.format(timeline));
        return timeline.inconsistencies().isEmpty() && timeline.totals().oversold() == 0 ? 0 : 1;
    }
}
