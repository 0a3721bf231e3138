package com.omnichat.quickreply.ui;

import com.omnichat.base.Permission;
import com.omnichat.base.RequiresPermission;
import com.omnichat.quickreply.QuickReply;
import com.omnichat.quickreply.QuickReplyService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Administration → Quick replies: the shared templates every user may insert. */
@Route("admin/quick-replies")
@Menu(order = 110, title = "nav.quick-replies", icon = "vaadin:comment-ellipsis-o")
@PermitAll
@RequiresPermission(Permission.MANAGE_TEMPLATES)
class QuickRepliesView extends TemplatesGridView {

    QuickRepliesView(QuickReplyService service) {
        super(service, "nav.quick-replies", true);
    }

    @Override
    List<QuickReply> load(String query) {
        return service.shared(query);
    }
}
