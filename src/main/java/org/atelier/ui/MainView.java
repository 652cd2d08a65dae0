package org.atelier.ui;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.ChartType;
import com.vaadin.flow.component.charts.model.ListSeries;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

@Route("")
public class MainView extends VerticalLayout {
    public MainView() {
        add(new H1("Atelier"));
        Chart chart = new Chart(ChartType.COLUMN);
        chart.getConfiguration().addSeries(new ListSeries("x", 1, 2, 3));
        add(chart);
    }
}
