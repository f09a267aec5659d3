package org.marginscope.cli;

public final class MarginScopeCommand {
    public static int execute(String[] args) {
        return 0;
    }
}
