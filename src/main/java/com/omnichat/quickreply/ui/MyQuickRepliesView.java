package com.omnichat.quickreply.ui;

import com.omnichat.quickreply.QuickReply;
import com.omnichat.quickreply.QuickReplyService;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * A user's personal templates (visible to him only). No menu entry: it is reached from the
 * composer's quick-reply picker, where the templates are used.
 */
@Route("quick-replies")
@PermitAll
class MyQuickRepliesView extends TemplatesGridView {

    MyQuickRepliesView(QuickReplyService service) {
        super(service, "quickreply.mine", false);
    }

    @Override
    List<QuickReply> load(String query) {
        return service.mine(query);
    }
}
