package io.floodgate.cli.audit;

import io.floodgate.audit.fairness.FairnessAudit;
import io.floodgate.audit.fairness.FairnessReport;
import io.floodgate.audit.fairness.FairnessText;
import io.floodgate.audit.log.Progress;
import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.audit.timeline.Timeline;
import io.floodgate.audit.timeline.TimelineText;
import io.floodgate.cli.Command;
import io.floodgate.cli.Options;
import io.floodgate.cli.Reports;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** A command that replays a sale into fresh state and prints one report of it, as text or JSON. */
public final class ReportCommand<R> implements Command {
    private final String usage;
    private final Set<String> flags;
    private final BiFunction<SaleReplay, Options, R> report;
    private final Function<R, String> text;
    private final Predicate<R> sound;

    private ReportCommand(String name, Set<String> flags, BiFunction<SaleReplay, Options, R> report,
                          Function<R, String> text, Predicate<R> sound) {
        this.usage = "./floodgate " + name + " " + SaleSource.USAGE + " [--json]"
                + flags.stream().filter(f -> !f.equals("--json")).map(f -> " [" + f + "]").sorted()
                .reduce("", String::concat);
        this.flags = flags;
        this.report = report;
        this.text = text;
        this.sound = sound;
    }

    /** {@code floodgate replay}: the timeline; exit 1 when the log breaks a promise of the services. */
    public static ReportCommand<Timeline> timeline() {
        return new ReportCommand<>("replay", Set.of("--json"), (replay, options) -> Timeline.of(replay),
                TimelineText::format,
                t -> t.inconsistencies().isEmpty() && t.totals().oversold() == 0);
    }

    /**
     * {@code floodgate fairness}: the fairness report; exit 1 on any finding. {@code --allow-uncommitted}
     * accepts a draw with no commitment, for exports of sales from before commitments.
     */
    public static ReportCommand<FairnessReport> fairness() {
        return new ReportCommand<>("fairness", Set.of("--json", "--allow-uncommitted"),
                (replay, options) -> FairnessAudit.of(replay, options.has("--allow-uncommitted")),
                FairnessText::format, FairnessReport::fair);
    }

    @Override
    public String usage() {
        return usage;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options options = Options.parse(args, SaleSource.OPTIONS, flags);
        R result = report.apply(SaleReplay.of(SaleSource.open(options, Progress.to(err, "records read"))), options);
        out.print(options.has("--json") ? Reports.json(result) : text.apply(result));
        return sound.test(result) ? 0 : 1;
    }
}
