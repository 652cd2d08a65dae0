package org.atelier.fit;

import java.util.List;
import org.atelier.codegen.CodeGenerator;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first fit after start used to run the engine, the relativities, the summary and the serializer in the JVM's
 * interpreter, while they compiled: 1.5-2x the time of the next fit. Once the server is up, a small fit of a
 * generated portfolio runs the same code on a background thread of the lowest priority, so the user's first fit
 * finds it compiled. {@code atelier.warm-up=false} leaves it out (the tests do, to spare their CPU).
 */
@Component
class EngineWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(EngineWarmUp.class);
    static final int ROWS = 60_000;

    private final CodeGenerator code;
    private final boolean enabled;

    EngineWarmUp(CodeGenerator code, @Value("${atelier.warm-up:true}") boolean enabled) {
        this.code = code;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (enabled) {
            Thread thread = new Thread(this::warmUp, "atelier-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    void warmUp() {
        try {
            StepTimes times = new StepTimes();
            Frame frame = SamplePortfolio.generate(1, ROWS);
            ModelSpec spec = frequencyModel();
            FittedModel fitted = GlmFitter.fit(spec, frame);
            RelativityTables.of(fitted, frame);
            fitted.summary();
            ModelSerializer.write(fitted);
            code.generate(spec, "portfolio.csv");
            times.step("warm-up fit of " + ROWS + " rows");
            LOG.debug("Engine warmed up: {}", times);
        } catch (RuntimeException e) {
            LOG.debug("Engine warm-up skipped: {}", e.toString()); // only speed is at stake
        }
    }

    /** The sample's frequency model: the terms of every type a first fit most likely has. */
    static ModelSpec frequencyModel() {
        List<TermSpec> terms = List.of(TermSpec.categorical("Area"), TermSpec.linear("VehPower"),
                TermSpec.linear("VehAge"), TermSpec.linear("DrivAge"), TermSpec.linear("BonusMalus"),
                TermSpec.categorical("VehBrand"), TermSpec.categorical("VehGas"), TermSpec.linear("Density"),
                TermSpec.categorical("Region"));
        return ModelSpec.of("ClaimNb", "poisson", terms).withOffset("Exposure");
    }
}
