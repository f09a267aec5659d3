package org.marginscope.render;

/**
 * One line of Linux's {@code /proc/.../stat} for a thread (proc(5)): its name, cut to 15 characters, the CPU it
 * has used (user + system, in clock ticks) and its nice value. The name sits in parentheses and may hold spaces
 * and parentheses itself, so the fields are counted from the last ")".
 */
public record ProcStat(String name, long cpuTicks, int nice) {
    /** Parses a stat line; throws on one that is not. */
    public static ProcStat parse(String stat) {
        int close = stat.lastIndexOf(')');
        // after ")": state is field 3, utime 14, stime 15, nice 19
        String[] f = stat.substring(close + 2).split(" ");
        return new ProcStat(stat.substring(stat.indexOf('(') + 1, close), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                Integer.parseInt(f[16]));
    }
}
