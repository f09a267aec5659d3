package org.marginscope.ui.views;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.marginscope.experiment.Preset;
import org.marginscope.experiment.RegionsFigure;
import org.marginscope.experiment.ViewId;
import org.marginscope.ui.Session;

/**
 * The tabs beside the original-space view: Li's transformed space, the neurons, van den Berg's regions. Only the
 * tab shown works; a preset's views choose the tab.
 */
public final class ViewTabs extends TabPane {
    private final TransformedView transformed;
    private final NeuronView neurons;
    private final RegionsView regions;
    private final Tab transformedTab, neuronTab, regionsTab;

    public ViewTabs(Session session, BoundaryView view, Preset preset) {
        transformed = new TransformedView(session);
        neurons = new NeuronView(session);
        view.followParPrediction(() -> neurons.current() == null ? null : neurons.current().par());
        regions = new RegionsView(session, view.windowProperty()::get);
        transformedTab = new Tab("Transformed space (Li)", transformed);
        neuronTab = new Tab("Neurons", neurons);
        regionsTab = new Tab("Regions (van den Berg)", regions);
        transformedTab.setId("tab-transformed");
        neuronTab.setId("tab-neurons");
        regionsTab.setId("tab-regions");
        transformedTab.setTooltip(new Tooltip("The last hidden layer's output, with a linear SVM fitted on it (Li et al.)"));
        neuronTab.setTooltip(new Tooltip("Each hidden unit as a point by its weights, coloured by its largest outgoing"
                + " weight, with its direction clusters; Sarussi et al.'s clusters and measures for their nets. Hover a"
                + " unit to see its hyperplane and its unit map"));
        regionsTab.setTooltip(new Tooltip("Unit maps, gradient heatmaps and partial backpropagation (van den Berg et al.)"));
        getTabs().addAll(transformedTab, neuronTab, regionsTab);
        setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        TabTitles.fit(this);
        // the hidden view does no work: the transformed view's worker fits SVMs
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            transformed.setSuspended(b != transformedTab);
            neurons.setVisible(b == neuronTab);
            regions.setVisible(b == regionsTab);
        });
        neurons.setVisible(false);
        regions.setVisible(false);
        session.presetProperty().addListener((o, a, b) -> getSelectionModel().select(tabFor(b)));
        getSelectionModel().select(tabFor(preset));
        if (preset.shows(ViewId.GRADIENTS) && !preset.shows(ViewId.UNITS)) {
            regions.setMode(RegionsFigure.Mode.GRAD_WEIGHTS);
        }
        // a hovered or pinned unit: its hyperplane on the original view (first layer), its map in Regions
        neurons.highlightProperty().addListener((o, a, u) -> {
            var frame = neurons.current();
            double[] plane = u == null || frame == null || frame.map() == null || frame.map().layer() != u.layer()
                    ? null : frame.map().hyperplane(u.index());
            view.highlightPlane(plane);
            regions.highlightUnit(u == null ? null : new int[] {u.layer(), u.index()});
        });
    }

    private Tab tabFor(Preset p) {
        return p.shows(ViewId.NEURONS) ? neuronTab
                : p.shows(ViewId.UNITS) || p.shows(ViewId.GRADIENTS) ? regionsTab : transformedTab;
    }

    /** Selects the tab that draws this view (the Regions tab in its mode); the original view is always shown. */
    public void show(ViewId v) {
        switch (v.tab()) {
            case TRANSFORMED -> getSelectionModel().select(transformedTab);
            case NEURONS -> getSelectionModel().select(neuronTab);
            case REGIONS -> {
                getSelectionModel().select(regionsTab);
                regions.setMode(RegionsFigure.Mode.of(v));
            }
            case ORIGINAL -> { }
        }
    }

    /** The view shown now, as a tour step names it. */
    public ViewId shown() {
        Tab t = selected();
        return t == neuronTab ? ViewId.NEURONS : t == regionsTab ? regions.mode().view() : ViewId.TRANSFORMED;
    }

    public Tab selected() {
        return getSelectionModel().getSelectedItem();
    }

    public boolean showsNeurons() {
        return selected() == neuronTab;
    }

    public boolean showsRegions() {
        return selected() == regionsTab;
    }

    public TransformedView transformed() {
        return transformed;
    }

    public NeuronView neurons() {
        return neurons;
    }

    public RegionsView regions() {
        return regions;
    }

    public void setPresentationScale(double scale) {
        transformed.setPresentationScale(scale);
        regions.setPresentationScale(scale);
        neurons.setPresentationScale(scale);
    }

    public void dispose() {
        transformed.dispose();
        neurons.dispose();
        regions.dispose();
    }
}
