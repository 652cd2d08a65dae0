/**
 * Getting data into Atelier: {@link org.atelier.data.DatasetReader} reads CSV (also gzipped) and Parquet files
 * into the engine's typed columns ({@link org.atelier.engine.frame.Frame}), {@link org.atelier.data.Profiler}
 * describes them, and {@link org.atelier.data.SamplePortfolio} makes a motor portfolio with a known claim
 * model. Every failure is a {@link org.atelier.data.DatasetException} with a one-line message for the user.
 *
 * <p>Plain Java on purpose (no Spring, Vaadin or JDBC), so the headless CLI uses it as the app does. It may
 * depend on {@code org.atelier.engine.frame}; the engine never depends on it.
 */
package org.atelier.data;
