package org.marginscope.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.marginscope.model.NetworkSpec;
import org.marginscope.train.Companion;
import org.marginscope.train.Perturbation;
import org.marginscope.train.TrainingConfig;

/**
 * A named, versioned recipe: data + network + training + how long to run + what to measure and show.
 * The paper figures are presets (JSON resources under org/marginscope/presets).
 *
 * @param steps   the default number of steps of a run
 * @param stop    an optional early stop: when a metric falls to or below a value
 * @param metrics extra measures taken at every snapshot (e.g. misclassified_area)
 * @param views   the views the app opens for this preset
 * @param areaGridCells grid cells along the long side of the domain for the misclassified area
 *                      (van den Berg's area reaches exactly zero only on a grid; 120 = cells of 0.1 on the strip)
 * @param retrainLastLayerAt Li et al. Fig 3: at this step re-initialise the last layer, freeze the rest
 *                      and train on (0 = never)
 * @param paperSettings the paper's own (slower) settings, where the default is a lighter variant; null
 *                      when the default already is the paper's
 * @param companions networks trained beside the main one (another loss, another architecture)
 * @param ensemble   Poggio et al.'s ensemble: this many copies in all (the main one and M - 1 from other
 *                   seeds); 0 or 1 for none
 * @param perturbation Poggio et al. Fig 5's noise schedule, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Preset(
        String name,
        int version,
        String description,
        String paper,
        DatasetRecipe dataset,
        NetworkSpec network,
        TrainingConfig training,
        long steps,
        StopRule stop,
        List<String> metrics,
        List<String> views,
        int areaGridCells,
        long retrainLastLayerAt,
        PaperSettings paperSettings,
        List<Companion> companions,
        int ensemble,
        Perturbation perturbation) {

    public Preset(String name, int version, String description, String paper, DatasetRecipe dataset,
                  NetworkSpec network, TrainingConfig training, long steps, StopRule stop, List<String> metrics,
                  List<String> views, int areaGridCells, long retrainLastLayerAt, PaperSettings paperSettings) {
        this(name, version, description, paper, dataset, network, training, steps, stop, metrics, views,
                areaGridCells, retrainLastLayerAt, paperSettings, List.of(), 0, null);
    }

    /** Whether the preset lists this view (its {@code views} keep the file's strings: a chart's name may stand there too). */
    public boolean shows(ViewId view) {
        return views.contains(view.id());
    }

    /** The companions the run trains: the listed ones, then the ensemble's seed copies. */
    public List<Companion> allCompanions() {
        List<Companion> all = new java.util.ArrayList<>(companions);
        for (int i = 1; i < ensemble; i++) {
            all.add(Companion.seedCopy(i));
        }
        return all;
    }

    /** What the paper used where the preset's default is lighter: any of steps, network, training. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaperSettings(Long steps, NetworkSpec network, TrainingConfig training, DatasetRecipe dataset,
                                String note) {
        @JsonCreator
        public PaperSettings(@JsonProperty("steps") Long steps, @JsonProperty("network") NetworkSpec network,
                             @JsonProperty("training") TrainingConfig training,
                             @JsonProperty("dataset") DatasetRecipe dataset, @JsonProperty("note") String note) {
            this.steps = steps;
            this.network = network;
            this.training = training;
            this.dataset = dataset;
            this.note = note;
        }
    }

    /** This preset with the paper's settings in place of the lighter defaults (itself if it has none). */
    public Preset withPaperSettings() {
        if (paperSettings == null) {
            return this;
        }
        PaperSettings p = paperSettings;
        return new Preset(name, version, description + " [the paper's settings" + (p.note() == null ? "" : ": " + p.note())
                + "]", paper, p.dataset() != null ? p.dataset() : dataset, p.network() != null ? p.network() : network,
                p.training() != null ? p.training() : training, p.steps() != null ? p.steps() : steps, stop, metrics,
                views, areaGridCells, retrainLastLayerAt, null, companions, ensemble, perturbation);
    }

    public record StopRule(String metric, double atMost) {
        @JsonCreator
        public StopRule(@JsonProperty("metric") String metric, @JsonProperty("atMost") double atMost) {
            this.metric = metric;
            this.atMost = atMost;
        }
    }

    public Preset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a preset needs a name");
        }
        if (dataset == null || network == null || training == null) {
            throw new IllegalArgumentException("preset '" + name + "' needs dataset, network and training");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("preset '" + name + "': steps must be >= 0");
        }
        if (retrainLastLayerAt < 0) {
            throw new IllegalArgumentException("preset '" + name + "': retrainLastLayerAt must be >= 0");
        }
        if (areaGridCells < 2) {
            throw new IllegalArgumentException("preset '" + name + "': areaGridCells must be at least 2");
        }
        version = Math.max(1, version);
        description = description == null ? "" : description;
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        views = views == null ? List.of() : List.copyOf(views);
        companions = companions == null ? List.of() : List.copyOf(companions);
        if (ensemble < 0 || ensemble > 16) {
            throw new IllegalArgumentException("preset '" + name + "': an ensemble has 2 to 16 copies (0 for none), got "
                    + ensemble);
        }
    }

    @JsonCreator
    public static Preset fromJson(@JsonProperty("name") String name, @JsonProperty("version") int version,
                                  @JsonProperty("description") String description, @JsonProperty("paper") String paper,
                                  @JsonProperty("dataset") DatasetRecipe dataset,
                                  @JsonProperty("network") NetworkSpec network,
                                  @JsonProperty("training") TrainingConfig training, @JsonProperty("steps") long steps,
                                  @JsonProperty("stop") StopRule stop, @JsonProperty("metrics") List<String> metrics,
                                  @JsonProperty("views") List<String> views,
                                  @JsonProperty("areaGridCells") Integer areaGridCells,
                                  @JsonProperty("retrainLastLayerAt") Long retrainLastLayerAt,
                                  @JsonProperty("paperSettings") PaperSettings paperSettings,
                                  @JsonProperty("companions") List<Companion> companions,
                                  @JsonProperty("ensemble") Integer ensemble,
                                  @JsonProperty("perturbation") Perturbation perturbation) {
        return new Preset(name, version, description, paper, dataset, network, training, steps, stop, metrics, views,
                areaGridCells == null ? 120 : areaGridCells, retrainLastLayerAt == null ? 0 : retrainLastLayerAt,
                paperSettings, companions, ensemble == null ? 0 : ensemble, perturbation);
    }
}
