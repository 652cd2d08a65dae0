package org.atelier.scoring;

/** What a scoring run tells its caller, on the run's thread (a view hands each call to its UI). */
public interface ScoreListener<T> {
    /** The run is at {@code stage}; {@code fraction} of it is done, or NaN when that cannot be known. */
    void progress(ScoreStage stage, double fraction);

    void finished(T result);

    /** One line naming the culprit (an unseen level, a missing column, a bad file). */
    void failed(String message);

    void cancelled();
}
