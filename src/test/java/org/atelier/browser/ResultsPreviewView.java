package org.atelier.browser;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Map;
import org.atelier.fit.FitEvent;
import org.atelier.fit.FitStage;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.ui.results.EmptyResults;
import org.atelier.ui.results.FitErrorAlert;
import org.atelier.ui.results.FitProgressPanel;
import org.atelier.ui.results.ModelComparison;
import org.atelier.ui.results.ResultsTabs;

/**
 * Test-only page for the browser test: the results components of stored models, outside the workbench
 * (which the lead integrates them into). ?model=ID[&factor=Area] shows a model's results, on its Relativities
 * tab when a factor is given, on the tab named by &tab=Lift; ?first=ID&second=ID the comparison; ?feedback shows progress, error and placeholder.
 */
@Route("test/results")
public class ResultsPreviewView extends Div implements BeforeEnterObserver {
    private final ModelService models;

    public ResultsPreviewView(ModelService models) {
        this.models = models;
        setSizeFull();
        getStyle().set("padding", "var(--lumo-space-m)").set("box-sizing", "border-box").set("overflow", "auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        removeAll();
        if (query.containsKey("model")) {
            ModelDetail model = models.get(query.get("model").getFirst());
            ResultsTabs tabs = new ResultsTabs(model);
            tabs.setHeight("1100px");
            add(tabs);
            if (query.containsKey("factor")) {
                tabs.showRelativities(query.get("factor").getFirst());
            }
            if (query.containsKey("tab")) {
                String label = query.get("tab").getFirst();
                for (int i = 0; i < tabs.getTabCount(); i++) {
                    if (tabs.getTabAt(i).getLabel().equals(label)) {
                        tabs.setSelectedIndex(i);
                    }
                }
            }
        } else if (query.containsKey("first")) {
            add(new ModelComparison(models.get(query.get("first").getFirst()),
                    models.get(query.get("second").getFirst())));
        } else {
            FitProgressPanel progress = new FitProgressPanel(() -> { });
            progress.show(new FitEvent.Progress("m", "p", FitStage.ITERATING, 3, 25, 135_200, -1_500));
            add(progress, new FitErrorAlert("ConvergenceError", "Model did not converge after 25 iterations.",
                    "Try increasing max_iter to 50+, loosening tol (e.g. 1e-6), or simplifying the model."),
                    new EmptyResults());
        }
    }
}
