package org.marginscope.ui.actions;

import org.marginscope.ui.fx.FxTicker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.SeedVariation;
import org.marginscope.experiment.Sweep;
import org.marginscope.experiment.claims.Claim;
import org.marginscope.experiment.claims.ClaimCheck;
import org.marginscope.experiment.claims.ClaimLibrary;
import org.marginscope.experiment.claims.ClaimsReport;
import org.marginscope.experiment.claims.Verdict;
import org.marginscope.ui.Session;
import org.marginscope.ui.Theme;
import org.marginscope.ui.charts.TrainingCharts;

/**
 * Model > Run over seeds (issue 21): the loaded preset once per seed on background threads ({@link Sweep}, the
 * command line's {@code sweep} in-process), with a progress bar and Cancel; then each chart over time draws its
 * metric's spread over the seeds ({@link TrainingCharts#showSeedBands}) and, for a preset with claims, the claims'
 * verdicts recomputed from these seeds stand beside the recorded ones. The live session is only read: its
 * preset, once, at the start.
 */
public final class SeedSweepDialog {
    static final String MENU_TEXT = "Run over seeds\u2026";
    /** Seeds one sweep may run (a typo such as 1..10000 would otherwise start hours of work). */
    static final int MAX_SEEDS = 200;

    /** What a finished (or cancelled) sweep left (FX thread; for tests). */
    record Finished(Preset preset, Sweep.Outcome outcome, List<ClaimCheck.Result> claims, List<String> bands,
                    long steps, SeedVariation vary) {
    }

    private final Session session;
    private final TrainingCharts charts;
    private final Window owner;
    private final ObjectProperty<Theme> theme;
    private final BooleanProperty presentation;
    private Stage stage;
    private final Label presetLabel = new Label();
    private final TextField from = new TextField("1");
    private final TextField to = new TextField("5");
    private final ChoiceBox<SeedVariation> vary = new ChoiceBox<>();
    private final TextField steps = new TextField();
    private final ChoiceBox<Integer> threads = new ChoiceBox<>();
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final CheckBox showBands = new CheckBox("Show the bands in the charts");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Label status = new Label();
    private final VBox claimsBox = new VBox(4);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<Long, Double> fractions = new ConcurrentHashMap<>();
    private final FxTicker ticker = FxTicker.every(250, now -> tick());
    private Thread worker;
    private long startNanos;
    private int total;
    private volatile int done;
    private Finished finished;

    public SeedSweepDialog(Session session, TrainingCharts charts, Window owner, ObjectProperty<Theme> theme,
                    BooleanProperty presentation) {
        this.session = session;
        this.charts = charts;
        this.owner = owner;
        this.theme = theme;
        this.presentation = presentation;
        // another preset while the dialog is open: its name and steps (a sweep under way keeps its own)
        session.presetProperty().addListener((o, was, now) -> {
            if (stage != null && !running()) {
                fillFromPreset();
            }
        });
    }

    /** The Model menu's item (the dialog as its user data). */
    public static MenuItem menuItem(SeedSweepDialog d) {
        MenuItem mi = new MenuItem(MENU_TEXT);
        mi.setId("seed-sweep");
        mi.setUserData(d);
        mi.setOnAction(e -> d.open());
        return mi;
    }

    public void open() {
        if (stage == null) {
            stage = build();
        }
        if (!running()) {
            fillFromPreset();
        }
        if (!stage.isShowing()) { // presentation mode's larger type needs a larger window
            stage.setWidth(presentation.get() ? 1240 : 900);
            stage.setHeight(presentation.get() ? 820 : 660);
        }
        stage.show();
        stage.toFront();
    }

    boolean running() {
        return worker != null && worker.isAlive();
    }

    /** The worker thread of the sweep in progress or the last one (for tests). */
    Thread worker() {
        return worker;
    }

    /** The last finished sweep, or null (FX thread; for tests). */
    Finished finished() {
        return finished;
    }

    private void fillFromPreset() {
        Preset p = session.presetProperty().get();
        presetLabel.setText(p == null ? "No preset loaded." : "Preset " + p.name() + ": " + p.description());
        steps.setText(p == null ? "" : Long.toString(p.steps()));
        run.setDisable(p == null);
    }

    private Stage build() {
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle("Run over seeds");
        presetLabel.setId("seeds-preset");
        presetLabel.setWrapText(true);
        from.setId("seeds-from");
        to.setId("seeds-to");
        from.setPrefColumnCount(5);
        to.setPrefColumnCount(5);
        vary.getItems().setAll(SeedVariation.values());
        vary.setValue(SeedVariation.BOTH);
        vary.setId("seeds-vary");
        vary.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SeedVariation v) {
                return v == null ? "" : switch (v) {
                    case TRAIN -> "training (initial weights, batches)";
                    case DATA -> "data (points and split)";
                    case BOTH -> "both";
                };
            }

            @Override
            public SeedVariation fromString(String t) {
                return SeedVariation.parse(t);
            }
        });
        vary.setTooltip(new Tooltip("What each seed replaces, as the command line's run --vary: the training seed, the"
                + " dataset recipe's seed, or both (the default)"));
        steps.setId("seeds-steps");
        steps.setPrefColumnCount(9);
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 1; i <= Math.max(1, cores); i++) {
            threads.getItems().add(i);
        }
        // one core stays with the live model and the drawing
        threads.setValue(Math.max(1, cores - 1));
        threads.setId("seeds-threads");
        threads.setTooltip(new Tooltip("Seeds trained at the same time, one core each"));
        run.setId("seeds-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> start());
        cancel.setId("seeds-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> cancelled.set(true));
        showBands.setId("seeds-show-bands");
        showBands.selectedProperty().bindBidirectional(charts.seedBandsShownProperty());
        progress.setId("seeds-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progressText.setId("seeds-progress-text");
        progressText.setMinWidth(Label.USE_PREF_SIZE);
        status.setId("seeds-status");
        status.setWrapText(true);
        claimsBox.setId("seeds-claims");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Seeds"), new HBox(6, from, new Label("to"), to));
        form.addRow(1, new Label("Vary"), vary);
        form.addRow(2, new Label("Steps"), steps);
        form.addRow(3, new Label("At once"), threads);
        Label about = new Label("Runs the preset as loaded (its own data recipe and settings; edits made since are not"
                + " included) once per seed, in the background: the model in the window keeps training untouched. When the"
                + " runs finish (or after Cancel, with at least 2 finished), each chart whose first curve the runs"
                + " measured draws the median over the seeds (dashed), the interquartile range (shaded) and the range"
                + " (lighter). Reset or another preset removes the bands. Closing this window cancels.");
        about.setWrapText(true);
        about.setId("seeds-about");
        HBox buttons = new HBox(8, run, cancel, showBands);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox bar = new HBox(8, progress, progressText);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, presetLabel, form, buttons, bar, status, claimsBox, about);
        box.setPadding(new Insets(12));
        box.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId("seed-sweep-window");
        Scene scene = new Scene(scroll, 900, 660);
        Runnable style = () -> theme.get().applyTo(scene, presentation.get());
        style.run();
        theme.addListener((o, a, b) -> style.run());
        presentation.addListener((o, a, b) -> style.run());
        s.setScene(scene);
        s.setOnHidden(e -> cancelled.set(true));
        return s;
    }

    /** Puts "A..B" (or one seed) into the seed fields and, when not null, the steps (gui --seeds). */
    public void fill(String range, String stepCount) {
        String[] ab = range.split("\\.\\.", 2);
        from.setText(ab[0].trim());
        to.setText(ab.length > 1 ? ab[1].trim() : ab[0].trim());
        if (stepCount != null) {
            steps.setText(stepCount);
        }
    }

    /** The seeds the fields ask for; a worded IllegalArgumentException for anything else. */
    public static List<Long> seeds(String fromText, String toText) {
        long a = parseSeed(fromText, "first"), b = parseSeed(toText, "last");
        if (b < a) {
            throw new IllegalArgumentException("The last seed (" + b + ") is below the first (" + a + ").");
        }
        if (b - a + 1 > MAX_SEEDS) {
            throw new IllegalArgumentException("That is " + (b - a + 1) + " seeds; one run over seeds takes at most "
                    + MAX_SEEDS + " (the command line's sweep takes more).");
        }
        List<Long> out = new ArrayList<>();
        for (long s = a; s <= b; s++) {
            out.add(s);
        }
        return out;
    }

    private static long parseSeed(String text, String which) {
        try {
            long v = Long.parseLong(text.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + which + " seed must be a whole number 0 or above, not '"
                    + text.trim() + "'.");
        }
    }

    public static long steps(String text) {
        String t = text.trim().replace(",", "").replace("_", "");
        try {
            long v = Long.parseLong(t);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Steps must be a whole number of at least 1, not '" + text.trim() + "'.");
        }
    }

    /** Starts the runs (FX thread). */
    public void start() {
        if (running()) {
            return;
        }
        Preset preset = session.presetProperty().get();
        List<Long> seeds;
        long n;
        try {
            if (preset == null) {
                throw new IllegalArgumentException("No preset is loaded: load one from the Presets menu first.");
            }
            seeds = seeds(from.getText(), to.getText());
            n = steps(steps.getText());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        SeedVariation v = vary.getValue();
        int t = threads.getValue();
        long generation = session.generation();
        Object[] state = stateOf();
        cancelled.set(false);
        fractions.clear();
        total = seeds.size();
        done = 0;
        startNanos = System.nanoTime();
        run.setDisable(true);
        cancel.setDisable(false);
        progress.setProgress(0);
        status.setStyle("");
        status.setText(String.format(Locale.ROOT, "Training %s for %,d steps with seeds %d to %d (varying %s), %d at once\u2026",
                preset.name(), n, seeds.get(0), seeds.get(seeds.size() - 1), v.id(), Math.min(t, seeds.size())));
        claimsBox.getChildren().clear();
        tick();
        ticker.start();
        List<Claim> claims = ClaimLibrary.of(preset.name());
        worker = new Thread(() -> {
            Sweep.Outcome o;
            List<ClaimCheck.Result> judged = List.of();
            String error = null;
            try {
                o = Sweep.run(preset, seeds, v, n, t, null, new Sweep.Listener() {
                    @Override
                    public void runFinished(long seed, String failure, int d, int all) {
                        fractions.put(seed, 1.0);
                        done = d;
                    }

                    @Override
                    public void stepped(long seed, long step, long of) {
                        fractions.put(seed, of <= 0 ? 0 : Math.min(1.0, (double) step / of));
                    }
                }, cancelled::get);
                if (!claims.isEmpty() && !o.runs().isEmpty()) {
                    judged = ClaimCheck.judgeRuns(claims, o.runs(), n);
                }
            } catch (InterruptedException e) {
                o = null;
                error = "The runs were interrupted.";
            } catch (RuntimeException | OutOfMemoryError e) {
                o = null;
                error = e instanceof OutOfMemoryError ? "Out of memory: try fewer seeds at once or fewer steps."
                        : "The runs stopped: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            Sweep.Outcome outcome = o;
            List<ClaimCheck.Result> results = judged;
            String why = error;
            Platform.runLater(() -> finish(preset, outcome, results, why, n, v, generation, state, claims));
        }, "marginscope-seed-sweep");
        worker.setDaemon(true);
        worker.start();
    }

    /** What a band must still match when the runs finish: the data, network and settings shown now. */
    private Object[] stateOf() {
        return new Object[] {session.presetProperty().get(), session.dataset(), session.specProperty().get(),
                session.configProperty().get()};
    }

    private void tick() {
        double sum = 0;
        for (double f : fractions.values()) {
            sum += f;
        }
        double f = total == 0 ? 0 : Math.min(1, sum / total);
        progress.setProgress(f);
        double elapsed = (System.nanoTime() - startNanos) * 1e-9;
        String left = f >= 0.02 && f < 1 ? "about " + clock(elapsed * (1 - f) / f) + " left" : f >= 1 ? "" : "estimating time left";
        progressText.setText(String.format(Locale.ROOT, "%d of %d runs done \u00b7 %s elapsed%s", done, total,
                clock(elapsed), left.isEmpty() ? "" : " \u00b7 " + left));
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void finish(Preset preset, Sweep.Outcome o, List<ClaimCheck.Result> judged, String error, long n,
                        SeedVariation v, long generation, Object[] state, List<Claim> claims) {
        ticker.stop();
        tick();
        run.setDisable(false);
        cancel.setDisable(true);
        if (o == null) {
            fail(error);
            return;
        }
        List<String> bands = List.of();
        StringBuilder sb = new StringBuilder();
        int k = o.runs().size();
        sb.append(o.cancelled() ? String.format(Locale.ROOT, "Cancelled: %d of %d runs had finished", k, total)
                : String.format(Locale.ROOT, "%d of %d runs finished", k, total));
        sb.append(String.format(Locale.ROOT, " in %s (%,d steps each).", clock(o.wallSeconds()), n));
        List<String> failed = o.failures().stream().filter(x -> !"cancelled".equals(x.message()))
                .map(x -> "seed " + x.seed() + ": " + x.message()).toList();
        if (!failed.isEmpty()) {
            sb.append(" Failed: ").append(String.join("; ", failed)).append('.');
        }
        if (k < 2) {
            sb.append(" A band needs at least 2 finished seeds: none drawn.");
        } else if (generation != session.generation() || !java.util.Arrays.equals(state, stateOf())) {
            sb.append(" The model was reset, or its data or settings changed, while the seeds ran: the bands would not"
                    + " describe it, so none were drawn.");
        } else {
            Map<String, String> drawn = charts.showSeedBands(o.summary());
            bands = List.copyOf(drawn.values());
            sb.append(drawn.isEmpty() ? " None of the charts shown plots a metric these runs measured."
                    : " Bands (median of " + k + " seeds, IQR, range) in the charts " + String.join(", ", drawn.keySet()) + ".");
        }
        // Okabe-Ito vermillion: readable on the light and the dark theme
        status.setStyle(failed.isEmpty() ? "" : "-fx-text-fill: #d55e00;");
        status.setText(sb.toString());
        showClaims(claims, judged, k, n);
        finished = new Finished(preset, o, judged, bands, n, v);
    }

    private void fail(String why) {
        progress.setProgress(0);
        status.setStyle("-fx-text-fill: #d55e00;");
        status.setText(why);
    }

    /** The claims' recorded verdicts beside those from these runs, one row each. */
    private void showClaims(List<Claim> claims, List<ClaimCheck.Result> judged, int runs, long n) {
        claimsBox.getChildren().clear();
        if (claims.isEmpty()) {
            return;
        }
        Label head = new Label("The preset's claims: the verdict recorded by the claims command (docs/claims.md) and the"
                + " one from these " + runs + " runs at " + String.format(Locale.ROOT, "%,d", n) + " steps");
        head.setWrapText(true);
        head.setStyle("-fx-font-weight: bold;");
        claimsBox.getChildren().add(head);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        for (double share : new double[] {40, 30, 30}) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(share);
            grid.getColumnConstraints().add(cc);
        }
        grid.addRow(0, bold("claim"), bold("recorded"), bold("these seeds"));
        List<ClaimsReport.Recorded> recorded = ClaimsReport.recorded(claims.get(0).preset());
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            Label text = new Label(c.statement() + " (" + c.source() + ")\n" + c.comparison());
            text.setWrapText(true);
            ClaimsReport.Recorded r = recorded.stream().filter(x -> x.id().equals(c.id())).findFirst().orElse(null);
            VBox was = r == null ? new VBox(new Label("not recorded"))
                    : verdictCell(Verdict.byId(r.verdict()), r.median(), r.q1(), r.q3(), r.passing(),
                    String.format(Locale.ROOT, "%d seeds at %,d steps", r.seeds(), r.horizon()));
            ClaimCheck.Result j = judged.stream().filter(x -> x.claim().id().equals(c.id())).findFirst().orElse(null);
            VBox now = j == null ? new VBox(new Label("no finished run"))
                    : verdictCell(j.verdict(), j.median(), j.q1(), j.q3(), j.passCount(),
                    String.format(Locale.ROOT, "%d seeds at %,d steps", j.seeds().size(), n));
            now.setId("seeds-claim-" + c.id());
            grid.addRow(i + 1, text, was, now);
        }
        claimsBox.getChildren().add(grid);
        if (claims.stream().anyMatch(c -> c.horizon() != n)) {
            Label note = new Label(String.format(Locale.ROOT, "The claims are recorded at %,d steps; a verdict at another"
                    + " step count answers another question.", claims.get(0).horizon()));
            note.setWrapText(true);
            claimsBox.getChildren().add(note);
        }
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static VBox verdictCell(Verdict v, double median, double q1, double q3, String passing, String over) {
        Label chip = new Label(v.words());
        chip.getStyleClass().add("verdict");
        chip.setWrapText(true);
        chip.setStyle("-fx-padding: 0 5 0 5; -fx-background-radius: 3; -fx-text-fill: white; -fx-background-color: "
                + Theme.verdictColour(v) + ";");
        Label numbers = new Label(String.format(Locale.ROOT, "median %s [%s, %s], %s passing\n%s", ClaimsReport.num(median),
                ClaimsReport.num(q1), ClaimsReport.num(q3), passing, over));
        numbers.setWrapText(true);
        return new VBox(2, chip, numbers);
    }

    /** The verdict words shown for a claim from these runs, or null (FX thread; for tests). */
    String shownVerdict(String claimId) {
        javafx.scene.Node n = claimsBox.lookup("#seeds-claim-" + claimId);
        return n instanceof VBox b && b.getChildren().get(0) instanceof Label l ? l.getText() : null;
    }
}
