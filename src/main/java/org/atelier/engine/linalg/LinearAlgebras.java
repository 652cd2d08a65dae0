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
            if (mklOnClasspath()) {
                names.add("mkl");
            }
        }
        return names;
    }

    /** Whether ND4J is on the class path; looking for its class file does not load the native libraries. */
    static boolean nd4jOnClasspath() {
        return LinearAlgebras.class.getClassLoader().getResource("org/nd4j/linalg/factory/Nd4j.class") != null
                && LinearAlgebras.class.getClassLoader().getResource("org/atelier/engine/linalg/Nd4jLinearAlgebra.class") != null;
    }

    /**
     * Dense Gram work (rows × dense columns², per iteration) below which the scalar kernel is chosen: the Vector
     * API kernel is 4-5x faster once compiled, but its JIT warm-up (about 0.25 s measured) is not repaid by a
     * model whose dense part is small, e.g. the sample's frequency model (6 dense columns, the rest categorical).
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

    /** The BLAS javacpp was asked to load for ND4J in this JVM (it can only load one). */
    private static String nd4jBlas;

    /** MKL's redistributable (Maven profile mkl) can stand in for OpenBLAS under ND4J. */
    static boolean mklOnClasspath() {
        return LinearAlgebras.class.getClassLoader().getResource("org/bytedeco/mkl/global/mkl_rt.class") != null;
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
            case "nd4j", "mkl" -> {
                if (!nd4jOnClasspath()) {
                    throw new ValidationError("Backend '" + name + "' is not in this build: ND4J is missing from the class path"
                            + (name.equals("mkl") ? ",mkl" : ""));
                }
                String blas = name.equals("mkl") ? "mkl_rt" : System.getProperty("org.bytedeco.openblas.load", "openblas");
                synchronized (LinearAlgebras.class) {
                    if (nd4jBlas != null && !nd4jBlas.equals(blas)) {
                        throw new ValidationError("Backend '" + name + "' needs " + blas + " but ND4J already loaded "
                                + nd4jBlas + " in this JVM; use one of nd4j and mkl per process");
                    }
                    nd4jBlas = blas;
                }
                if (name.equals("mkl")) {
                    if (!mklOnClasspath()) {
                        throw new ValidationError("Backend 'mkl' is not in this build: build with the Maven profile -Pmkl");
                    }
                    // javacpp reads this when it first loads the BLAS; ND4J must not have been used yet in this JVM.
                    String previous = System.getProperty("org.bytedeco.openblas.load");
                    if (previous == null) {
                        System.setProperty("org.bytedeco.openblas.load", "mkl_rt");
                    } else if (!previous.equals("mkl_rt")) {
                        throw new ValidationError("Backend 'mkl' conflicts with -Dorg.bytedeco.openblas.load=" + previous);
                    }
                }
                try {
                    yield (LinearAlgebra) Class.forName("org.atelier.engine.linalg.Nd4jLinearAlgebra")
                            .getDeclaredConstructor(String.class).newInstance(name);
                } catch (ReflectiveOperationException | LinkageError e) {
                    throw new ValidationError("Backend '" + name + "' could not be loaded: " + e);
                }
            }
            default -> throw new ValidationError("Unknown backend '" + name + "': available are " + available());
        };
    }
}
