package org.marginscope.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Units grouped by direction alone: two units whose weight vectors (bias included) are within
 * {@code thresholdDeg} of each other are linked, and a cluster is a chain of links (single linkage). Lengths
 * do not matter, so a cluster is a cone of directions - what Sarussi et al.'s small-init neurons form - and
 * its spread is the largest angle of a member from the cluster's mean direction. Zero vectors have no
 * direction and join no cluster.
 */
public final class DirectionClusters {
    /** The linkage angle the neuron view uses. */
    public static final double DEFAULT_THRESHOLD_DEG = 10;

    /** One cluster: its members (indices), their mean unit direction and spread. */
    public record Cluster(int[] members, double[] direction, double spreadDeg) {
        public int size() {
            return members.length;
        }
    }

    /**
     * @param label   each unit's cluster index in {@code clusters}, or -1 (alone or without a direction)
     * @param clusters the clusters of two or more units, largest first
     * @param alone   units linked to no other unit
     */
    public record Result(int[] label, List<Cluster> clusters, int alone, double thresholdDeg) {
        /** The largest spread of a cluster (0 without clusters). */
        public double largestSpreadDeg() {
            double s = 0;
            for (Cluster c : clusters) {
                s = Math.max(s, c.spreadDeg());
            }
            return s;
        }
    }

    private DirectionClusters() {
    }

    public static Result find(double[][] w, double thresholdDeg) {
        int n = w.length;
        double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            double len = NeuronClusters.norm(w[i]);
            if (len > 0 && Double.isFinite(len)) {
                u[i] = new double[w[i].length];
                for (int j = 0; j < u[i].length; j++) {
                    u[i][j] = w[i][j] / len;
                }
            }
        }
        double cosLink = Math.cos(Math.toRadians(thresholdDeg));
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            if (u[i] == null) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                if (u[j] != null && Vectors.dot(u[i], u[j]) >= cosLink) {
                    int a = root(parent, i), b = root(parent, j);
                    if (a != b) {
                        parent[b] = a;
                    }
                }
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, -1);
        for (int i = 0; i < n; i++) {
            if (u[i] == null) {
                continue;
            }
            int r = root(parent, i);
            if (groupOf[r] < 0) {
                groupOf[r] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[r]).add(i);
        }
        List<Cluster> clusters = new ArrayList<>();
        int alone = 0;
        for (List<Integer> g : groups) {
            if (g.size() < 2) {
                alone++;
                continue;
            }
            int[] members = g.stream().mapToInt(Integer::intValue).toArray();
            double[] mean = new double[u[members[0]].length];
            for (int m : members) {
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += u[m][j];
                }
            }
            double len = NeuronClusters.norm(mean);
            for (int j = 0; j < mean.length; j++) {
                mean[j] = len > 0 ? mean[j] / len : 0;
            }
            double spread = 0;
            for (int m : members) {
                spread = Math.max(spread, len > 0 ? NeuronClusters.angleDeg(u[m], mean) : 180);
            }
            clusters.add(new Cluster(members, mean, spread));
        }
        clusters.sort(Comparator.comparingInt(Cluster::size).reversed());
        int[] label = new int[n];
        java.util.Arrays.fill(label, -1);
        for (int c = 0; c < clusters.size(); c++) {
            for (int m : clusters.get(c).members()) {
                label[m] = c;
            }
        }
        return new Result(label, clusters, alone, thresholdDeg);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
