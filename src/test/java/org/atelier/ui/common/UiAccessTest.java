package org.atelier.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A background thread's change to a page the user has left is dropped, not thrown at the background work. */
class UiAccessTest {
    @Test
    void aChangeToAPageThatIsGoneIsDroppedQuietly() {
        UI left = new UI(); // no session: as a UI after its tab was closed
        assertThatThrownBy(() -> left.access(() -> { })).isInstanceOf(UIDetachedException.class);

        AtomicBoolean ran = new AtomicBoolean();
        UiAccess.run(left, () -> ran.set(true));
        assertThat(ran).isFalse();
    }
}
