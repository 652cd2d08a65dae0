package org.atelier.fit;

import org.atelier.codegen.CodeGenerator;
import org.atelier.data.SampleModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Once the workbench is serving, warms the engine in the background ({@link EngineWarmUp}) so the user's first
 * fit runs compiled kernels. It never holds up a page (it starts after the server is ready, on one core) or a
 * fit (it stops as soon as one is running or queued). {@code --atelier.warm-up=false} turns it off.
 */
@Component
@ConditionalOnProperty(name = "atelier.warm-up", havingValue = "true", matchIfMissing = true)
class WarmUpOnStart implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUpOnStart.class);

    private final FitService fits;
    private final CodeGenerator code;

    WarmUpOnStart(FitService fits, CodeGenerator code) {
        this.fits = fits;
        this.code = code;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread thread = new Thread(this::warmUp, "atelier-warm-up-start");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void warmUp() {
        try {
            EngineWarmUp.Result result = EngineWarmUp.run(EngineWarmUp.ROWS, fits::hasActiveFits);
            if (!result.stopped()) {
                code.generate(SampleModel.frequency(), "portfolio.csv"); // the code every fit stores with its model
            }
            LOG.info("Engine warm-up {} after {} fits in {} ms", result.stopped() ? "gave way to a real fit" : "done",
                    result.fits() + result.failed(), result.millis());
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.info("Engine warm-up skipped: {}", e.toString()); // only the first fit's speed is at stake
        }
    }
}
