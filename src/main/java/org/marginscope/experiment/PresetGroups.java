package org.marginscope.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in presets grouped by the paper they reproduce, in the order of {@link PaperReferences#ALL}, then those
 * of no paper (or of a paper not among the five); within a group, the presets keep the library's order. The Presets
 * menu and the gallery show these groups.
 */
public final class PresetGroups {
    /** The group of presets that name no known paper. */
    public static final String OTHER_TITLE = "Other examples";

    /** @param paper the paper's reference, or null for the presets of no paper */
    public record Group(PaperReferences.Reference paper, List<Preset> presets) {
        public String title() {
            return paper == null ? OTHER_TITLE : paper.shortName();
        }

        /** A stable id for menus and tests: the paper's id, or "other". */
        public String id() {
            return paper == null ? "other" : paper.id();
        }
    }

    private PresetGroups() {
    }

    public static List<Group> builtIn() {
        return of(PresetLibrary.builtIn());
    }

    /** The presets' groups, empty groups left out. */
    public static List<Group> of(List<Preset> presets) {
        List<Group> groups = new ArrayList<>();
        for (PaperReferences.Reference r : PaperReferences.ALL) {
            List<Preset> mine = presets.stream().filter(p -> r.id().equals(p.paper())).toList();
            if (!mine.isEmpty()) {
                groups.add(new Group(r, mine));
            }
        }
        List<Preset> rest = presets.stream().filter(p -> PaperReferences.byId(p.paper() == null ? "" : p.paper()).isEmpty())
                .toList();
        if (!rest.isEmpty()) {
            groups.add(new Group(null, rest));
        }
        return groups;
    }
}
