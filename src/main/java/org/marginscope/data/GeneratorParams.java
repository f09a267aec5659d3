package org.marginscope.data;

/**
 * @param n     number of points (0 = the generator's default)
 * @param noise Gaussian jitter added to every coordinate, as a fraction of the domain's width
 *              (labels stay those of the clean point, so noise can push points across the boundary)
 * @param seed  the random seed: the same parameters always give the same points
 * @param scale natural coordinates, or the domain mapped into [0,1] (Li et al. Fig 7/8)
 */
public record GeneratorParams(int n, double noise, long seed, Scale scale) {
    public GeneratorParams {
        if (n < 0 || n > 10_000_000) {
            throw new IllegalArgumentException("n must be between 0 and 10,000,000, got " + n);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
        }
        scale = scale == null ? Scale.LARGE : scale;
    }

    public static GeneratorParams defaults(long seed) {
        return new GeneratorParams(0, 0, seed, Scale.LARGE);
    }

    public GeneratorParams withN(int newN) {
        return new GeneratorParams(newN, noise, seed, scale);
    }

    public GeneratorParams withScale(Scale s) {
        return new GeneratorParams(n, noise, seed, s);
    }

    public GeneratorParams withNoise(double v) {
        return new GeneratorParams(n, v, seed, scale);
    }
}
