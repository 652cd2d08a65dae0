package org.atelier.config;

import java.lang.management.ManagementFactory;
import java.util.OptionalInt;

/** A main for {@link FastJvmTest}: relaunches like Atelier's, then reports the JVM it ended up in. */
public final class RelaunchProbe {
    private RelaunchProbe() {
    }

    public static void main(String[] args) {
        OptionalInt relaunched = FastJvm.relaunchIfNeeded(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        System.out.println("vector module: " + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        System.out.println("options: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("arguments: " + String.join("|", args));
        System.exit(Integer.parseInt(args[0]));
    }
}
