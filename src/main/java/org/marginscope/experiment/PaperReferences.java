package org.marginscope.experiment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The five papers MarginScope reproduces, by the ids presets use ({@code "paper": "li2018"}). */
public final class PaperReferences {
    /**
     * @param shortName authors and year, as menus and the gallery name the paper
     * @param url a search for the title on arXiv (OpenReview for Nar et al.), which always finds it
     */
    public record Reference(String id, String shortName, String citation, String url) {
    }

    public static final List<Reference> ALL = List.of(
            arxiv("li2018", "Li, Ding, Gao 2018", "Yu Li, Lizhong Ding, Xin Gao (2018).", "On the Decision Boundary of Deep Neural Networks"),
            arxiv("sarussi2021", "Sarussi, Brutzkus, Globerson 2021", "Roei Sarussi, Alon Brutzkus, Amir Globerson (2021).",
                    "Towards Understanding Learning in Neural Networks with Linear Teachers"),
            arxiv("vandenberg2014", "van den Berg 2014", "Ewout van den Berg (2014). IBM Research Report.",
                    "Some Insights into the Geometry and Training of Neural Networks"),
            arxiv("poggio2018", "Poggio et al. 2018", "Tomaso Poggio, Qianli Liao, Brando Miranda, Andrzej Banburski, Xavier Boix,"
                    + " Jack Hidary (2018). CBMM Memo 90.", "Theory IIIb: Generalization in Deep Networks"),
            new Reference("nar2019", "Nar, Ocal, Sastry 2019", "Kamil Nar, Orhan Ocal, S. Shankar Sastry (2019). ICLR 2019 submission."
                    + " Cross-Entropy Loss Leads to Poor Margins.",
                    "https://openreview.net/search?term=" + encode("Cross-Entropy Loss Leads To Poor Margins")));

    private PaperReferences() {
    }

    /** The paper a preset names ({@code "paper": "li2018"}), if it is one of the five. */
    public static java.util.Optional<Reference> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static Reference arxiv(String id, String shortName, String authors, String title) {
        return new Reference(id, shortName, authors + " " + title + ".",
                "https://arxiv.org/search/?searchtype=title&query=" + encode(title));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
