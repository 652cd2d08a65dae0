package org.atelier.engine.linalg;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.error.ValidationError;

/** Picks a backend by name at run time; the Vector API one only when the incubator module is in the boot layer. */
public final class LinearAlgebras {
    private LinearAlgebras() {
    }

    public static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Backend names usable in this JVM, fastest first. */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        if (vectorApiAvailable()) {
            names.add("vector");
        }
        names.add("java");
        if (nd4jOnClasspath()) {
            names.add("nd4j");
        }
        return names;
    }

    /** ND4J is optional (Maven profile nd4j); looking for its class file does not load the native libraries. */
    static boolean nd4jOnClasspath() {
        return LinearAlgebras.class.getClassLoader().getResource("org/nd4j/linalg/factory/Nd4j.class") != null
                && LinearAlgebras.class.getClassLoader().getResource("org/atelier/engine/linalg/Nd4jLinearAlgebra.class") != null;
    }

    /**
     * Dense Gram work (rows × dense columns², per iteration) below which the scalar kernel is chosen: the Vector
     * API kernel is 4-5x faster once compiled, but its JIT warm-up (about 0.25 s measured) is not repaid by a
     * model whose dense part is small, e.g. the §6.3 frequency model (6 dense columns, the rest categorical).
     */
    static final double VECTOR_WORK_THRESHOLD = 2e8;

    /** The automatic choice for a design: the Vector API kernel when available and the dense part is large. */
    public static LinearAlgebra auto(int rows, int denseColumns) {
        double work = (double) rows * denseColumns * denseColumns;
        if (vectorApiAvailable() && work >= VECTOR_WORK_THRESHOLD) {
            return byName("vector");
        }
        return new JavaLinearAlgebra();
    }

    /** The default: the fastest measured (the Vector API kernel) when available, else plain Java. */
    public static LinearAlgebra fastest() {
        return byName(available().getFirst());
    }

    public static LinearAlgebra byName(String name) {
        if (name == null || name.isBlank() || name.equals("auto")) {
            return fastest();
        }
        return switch (name) {
            case "java" -> new JavaLinearAlgebra();
            case "vector" -> {
                if (!vectorApiAvailable()) {
                    throw new ValidationError("Backend 'vector' needs the JVM option --add-modules jdk.incubator.vector");
                }
                try {
                    // Reflection keeps this class loadable in a JVM without the incubator module.
                    yield (LinearAlgebra) Class.forName("org.atelier.engine.linalg.VectorLinearAlgebra")
                            .getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | LinkageError e) {
                    throw new ValidationError("Backend 'vector' could not be loaded: " + e);
                }
            }
            case "nd4j" -> {
                if (!nd4jOnClasspath()) {
                    throw new ValidationError("Backend 'nd4j' is not in this build: build with the Maven profile -Pnd4j");
                }
                try {
                    yield (LinearAlgebra) Class.forName("org.atelier.engine.linalg.Nd4jLinearAlgebra")
                            .getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | LinkageError e) {
                    throw new ValidationError("Backend 'nd4j' could not be loaded: " + e);
                }
            }
            default -> throw new ValidationError("Unknown backend '" + name + "': available are " + available());
        };
    }
}
