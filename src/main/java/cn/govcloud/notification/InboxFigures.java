package cn.govcloud.notification;

import java.util.List;

import cn.govcloud.dashboard.Figure;
import cn.govcloud.dashboard.FigureSource;
import cn.govcloud.shared.GovCloudPrincipal;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Everyone's dashboard shows the unread messages. */
@Component
@Order(100)
class InboxFigures implements FigureSource {

	private final Inbox inbox;

	InboxFigures(Inbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public List<Figure> figuresFor(GovCloudPrincipal caller) {
		return List.of(new Figure("dashboard.unread", this.inbox.unreadCount(caller.userId()), "/inbox"));
	}

}
