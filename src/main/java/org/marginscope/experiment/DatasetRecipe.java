package org.marginscope.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.marginscope.data.Dataset;
import org.marginscope.data.GeneratorParams;
import org.marginscope.data.Generators;
import org.marginscope.data.Scale;

/** How a preset makes its data: a generator with its parameters, then an optional test split. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record DatasetRecipe(String generator, int n, double noise, long seed, String range, double testFraction) {

    @JsonCreator
    public static DatasetRecipe fromJson(@JsonProperty("generator") String generator, @JsonProperty("n") Integer n,
                                         @JsonProperty("noise") Double noise, @JsonProperty("seed") Long seed,
                                         @JsonProperty("range") String range,
                                         @JsonProperty("testFraction") Double testFraction) {
        if (generator == null) {
            throw new IllegalArgumentException("a dataset recipe needs a generator name");
        }
        return new DatasetRecipe(generator, n == null ? 0 : n, noise == null ? 0 : noise, seed == null ? 1 : seed,
                range == null ? "large" : range, testFraction == null ? 0 : testFraction);
    }

    public Dataset build() {
        Dataset d = Generators.byName(generator).generate(new GeneratorParams(n, noise, seed, Scale.parse(range)));
        return testFraction > 0 ? d.split(testFraction, seed + 1) : d;
    }

    public DatasetRecipe withSeed(long s) {
        return new DatasetRecipe(generator, n, noise, s, range, testFraction);
    }
}
