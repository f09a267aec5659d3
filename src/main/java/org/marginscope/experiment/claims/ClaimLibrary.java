package org.marginscope.experiment.claims;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.marginscope.experiment.Json;
import org.marginscope.experiment.PresetLibrary;

/** The built-in claims (resource {@code org/marginscope/claims/claims.json}), each checked against its preset. */
public final class ClaimLibrary {
    private static List<Claim> builtIn;

    private ClaimLibrary() {
    }

    public static synchronized List<Claim> builtIn() {
        if (builtIn == null) {
            try (InputStream in = ClaimLibrary.class.getResourceAsStream("/org/marginscope/claims/claims.json")) {
                if (in == null) {
                    throw new IllegalStateException("the built-in claims are missing from the build");
                }
                List<Claim> all = Json.MAPPER.readValue(in, new TypeReference<List<Claim>>() { });
                for (Claim c : all) {
                    PresetLibrary.byName(c.preset()); // an unknown preset is a build error, not a runtime surprise
                }
                builtIn = List.copyOf(all);
            } catch (IOException e) {
                throw new UncheckedIOException("the built-in claims cannot be read: " + e.getMessage(), e);
            }
        }
        return builtIn;
    }

    /** The claims a preset illustrates (none for most). */
    public static List<Claim> of(String preset) {
        return builtIn().stream().filter(c -> c.preset().equals(preset)).toList();
    }
}
