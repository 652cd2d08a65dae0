package org.atelier.engine.family;

import org.atelier.engine.error.ValidationError;

/**
 * The link g with μ = g⁻¹(η). Clamping follows R's {@code make.link} so that fits stay finite where R's do:
 * the log link's inverse never returns less than machine epsilon, the logit's saturates at ε and 1-ε.
 */
public enum Link {
    IDENTITY("identity", "Identity") {
        public double link(double mu) { return mu; }
        public double inverse(double eta) { return eta; }
        public double muEta(double eta) { return 1.0; }
    },
    LOG("log", "Log") {
        public double link(double mu) { return Math.log(mu); }
        public double inverse(double eta) { return Math.max(Math.exp(eta), EPS); }
        public double muEta(double eta) { return Math.max(Math.exp(eta), EPS); }
        public double muEta(double eta, double mu) { return mu; }
    },
    LOGIT("logit", "Logit") {
        public double link(double mu) { return Math.log(mu / (1 - mu)); }
        public double inverse(double eta) {
            double t = eta < -THRESH ? EPS : (eta > THRESH ? 1 / EPS : Math.exp(eta));
            return t / (1 + t);
        }
        public double muEta(double eta) {
            if (eta > THRESH || eta < -THRESH) {
                return EPS;
            }
            double e = Math.exp(eta);
            double op = 1 + e;
            return e / (op * op);
        }
    },
    INVERSE("inverse", "Inverse") {
        public double link(double mu) { return 1 / mu; }
        public double inverse(double eta) { return 1 / eta; }
        public double muEta(double eta) { return -1 / (eta * eta); }
        public boolean validEta(double eta) { return Double.isFinite(eta) && eta != 0; }
    };

    static final double EPS = Math.ulp(1.0);
    /** R's logit threshold -log(DBL_EPSILON): beyond it exp(η) no longer changes 1+exp(η). */
    static final double THRESH = -Math.log(EPS);

    private final String id;
    private final String displayName;

    Link(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** η = g(μ). */
    public abstract double link(double mu);

    /** μ = g⁻¹(η). */
    public abstract double inverse(double eta);

    /** dμ/dη at η. */
    public abstract double muEta(double eta);

    /** dμ/dη at η when μ = g⁻¹(η) is already known: the log link's is μ itself, which spares a second exp. */
    public double muEta(double eta, double mu) {
        return muEta(eta);
    }

    public boolean validEta(double eta) {
        return Double.isFinite(eta);
    }

    /** The spec's name: {@code identity}, {@code log}, {@code logit}, {@code inverse}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Link of(String id) {
        for (Link link : values()) {
            if (link.id.equalsIgnoreCase(id)) {
                return link;
            }
        }
        throw new ValidationError("Unknown link '" + id + "': expected identity, log, logit or inverse");
    }
}
