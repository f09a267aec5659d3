package org.marginscope.experiment;

import java.util.List;
import org.marginscope.experiment.claims.Claim;
import org.marginscope.experiment.claims.ClaimLibrary;

/** A preset in one line for the gallery: its first claim from claims.json, else its description's first sentence. */
public final class PresetHeadline {
    private PresetHeadline() {
    }

    public static String of(Preset p) {
        List<Claim> claims = ClaimLibrary.of(p.name());
        if (!claims.isEmpty()) {
            String s = claims.get(0).statement();
            return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
        }
        return firstSentence(p.description());
    }

    /** Up to the first full stop that ends a sentence (followed by a space or the end, not "e.g." or "Fig."). */
    static String firstSentence(String text) {
        String t = text.strip();
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '.' && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1)))
                    && !abbreviationEndsAt(t, i)) {
                return t.substring(0, i + 1);
            }
        }
        return t;
    }

    private static boolean abbreviationEndsAt(String t, int dot) {
        int start = dot;
        while (start > 0 && !Character.isWhitespace(t.charAt(start - 1)) && t.charAt(start - 1) != '(') {
            start--;
        }
        String word = t.substring(start, dot + 1);
        return List.of("e.g.", "i.e.", "Fig.", "Figs.", "Eq.", "Eqs.", "Sec.", "al.", "vs.", "cf.", "Thm.").contains(word)
                || word.length() == 2 && Character.isUpperCase(word.charAt(0)); // an initial: "E. van den Berg"
    }
}
