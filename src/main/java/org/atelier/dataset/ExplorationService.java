package org.atelier.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.atelier.config.FitActivity;
import org.atelier.engine.explore.Exploration;
import org.atelier.engine.explore.ExploreChoice;
import org.atelier.engine.explore.Explorer;
import org.atelier.engine.explore.Guesses;
import org.atelier.engine.fit.FitMonitor;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Explorations of a dataset (one-way tables, strengths, associations, data-quality report), computed by the
 * engine and cached in the dataset's {@code exploration_json}: {@code {"explorations": [{"key", "exploration"}]}},
 * one entry per choice of response, exposure, weights and family, the latest {@link #KEPT} kept, so reopening a
 * dataset or going back to an earlier choice is instant.
 */
@Service
public class ExplorationService {
    static final int KEPT = 6;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final DatasetService datasets;
    private final JdbcClient jdbc;
    private final FitActivity fits;
    /**
     * The one-factor GLMs wait at each iteration while a user's fit runs: side by side on two cores they doubled
     * its engine time. Interrupted (the exploration abandoned) they stop as a cancelled fit does.
     */
    private final FitMonitor givingWay = new FitMonitor() {
        @Override
        public void stopIfCancelled(String where) {
            giveWayToFits();
            FitMonitor.super.stopIfCancelled(where);
        }
    };

    /** {@code fits}: what an exploration gives way to (nobody waits on it while a fit runs). */
    public ExplorationService(DatasetService datasets, JdbcClient jdbc, FitActivity fits) {
        this.datasets = datasets;
        this.jdbc = jdbc;
        this.fits = fits;
    }

    /**
     * What a dataset is explored for before the user picks a response: guessed from the column names and values
     * (see {@link Guesses}); empty when no numeric column looks like a response.
     */
    public Optional<DatasetExploration.Choice> guess(String datasetId) {
        Frame frame = datasets.frame(datasetId);
        return Guesses.response(frame).map(response -> new DatasetExploration.Choice(response,
                Guesses.exposure(frame, response).orElse(null), null, Guesses.family(frame, response), null));
    }

    /** The family the response suggests when the spec names none. */
    public String suggestedFamily(String datasetId, String response) {
        return Guesses.family(datasets.frame(datasetId), response);
    }

    public Optional<DatasetExploration> cached(String datasetId, DatasetExploration.Choice choice) {
        String key = engineChoice(choice).key();
        JsonNode root = stored(datasetId);
        for (JsonNode entry : root.path("explorations")) {
            if (entry.path("key").asString("").equals(key)) {
                return Optional.of(ExplorationJson.read(entry.get("exploration")));
            }
        }
        return Optional.empty();
    }

    /**
     * The exploration for {@code choice}: from the cache, else computed (on the calling thread: call it in the
     * background) and stored. {@code progress} gets a stage name and a fraction done.
     *
     * @throws org.atelier.engine.error.GlmException naming the column when a chosen column is unknown or text
     */
    public DatasetExploration explore(String datasetId, DatasetExploration.Choice requested,
                                      BiConsumer<String, Double> progress) {
        Optional<DatasetExploration> cached = cached(datasetId, requested);
        if (cached.isPresent()) return cached.get();
        ExploreChoice choice = engineChoice(requested);
        progress.accept("Reading the dataset", 0.0);
        Frame frame = datasets.frame(datasetId);
        progress.accept("One-way tables and associations", 0.05);
        giveWayToFits();
        Explorer explorer = Explorer.prepare(frame, choice);
        Exploration x = explorer.withStrengths(explorer.strengths((stage, done, total) ->
                progress.accept(stage, 0.3 + 0.7 * done / Math.max(1, total)), givingWay));
        ObjectNode tree = ExplorationJson.tree(x);
        store(datasetId, choice, tree);
        progress.accept("Done", 1.0);
        return ExplorationJson.read(tree);
    }

    private void giveWayToFits() {
        try {
            fits.giveWay();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the engine's next check stops the exploration
        }
    }

    private static ExploreChoice engineChoice(DatasetExploration.Choice c) {
        return new ExploreChoice(c.response(), c.exposure(), c.weights(), c.family(), c.link());
    }

    /**
     * The term a one-way's factor is added to the spec as: its suggested type, and for a categorical its levels
     * in the engine's order with the suggested base level (most exposure) first.
     */
    public TermSpec suggestedTerm(String datasetId, DatasetExploration.FactorOneWay oneWay) {
        return switch (oneWay.suggestedType()) {
            case CATEGORICAL -> {
                List<String> levels = new ArrayList<>(datasets.levels(datasetId, oneWay.column()));
                String base = oneWay.baseLevel();
                if (base == null || !levels.contains(base) || levels.getFirst().equals(base)) {
                    yield TermSpec.categorical(oneWay.column());
                }
                levels.remove(base);
                levels.addFirst(base);
                yield TermSpec.categorical(oneWay.column(), levels);
            }
            case TARGET_ENCODING -> new TermSpec(oneWay.column(), TermType.TARGET_ENCODING, null, null, null, null, null,
                    null, null, null);
            default -> TermSpec.linear(oneWay.column());
        };
    }

    private synchronized void store(String datasetId, ExploreChoice choice, ObjectNode exploration) {
        JsonNode old = stored(datasetId);
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("explorations");
        ObjectNode entry = list.addObject();
        entry.put("key", choice.key());
        entry.set("exploration", exploration);
        for (JsonNode e : old.path("explorations")) {
            if (list.size() >= KEPT) break;
            if (!e.path("key").asString("").equals(choice.key())) list.add(e);
        }
        jdbc.sql("UPDATE datasets SET exploration_json = ? WHERE id = ?")
                .params(MAPPER.writeValueAsString(root), datasetId).update();
    }

    private JsonNode stored(String datasetId) {
        List<String> rows = jdbc.sql("SELECT exploration_json FROM datasets WHERE id = ?").param(datasetId)
                .query(String.class).list();
        String json = rows.isEmpty() ? null : rows.getFirst();
        if (json == null || json.isBlank()) return MAPPER.createObjectNode();
        try {
            return MAPPER.readTree(json);
        } catch (RuntimeException e) {
            return MAPPER.createObjectNode(); // an unreadable cache is recomputed, never an error
        }
    }
}
