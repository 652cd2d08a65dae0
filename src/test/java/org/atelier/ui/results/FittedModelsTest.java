package org.atelier.ui.results;

import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.fit.FitService;
import org.atelier.model.ModelService;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Base for results-view tests: each test gets a fresh sample portfolio to fit real models on. */
abstract class FittedModelsTest extends KaribuTest {
    @Autowired
    FitService fits;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    FittedModels fitted;
    DatasetInfo data;

    @BeforeEach
    void portfolio() {
        fitted = new FittedModels(fits, models, projects, datasets);
        data = fitted.portfolio(getClass().getSimpleName());
    }
}
