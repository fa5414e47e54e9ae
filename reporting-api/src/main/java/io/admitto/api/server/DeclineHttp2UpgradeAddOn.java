package io.admitto.api.server;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.DataChunk;

import java.io.IOException;

/**
 * Serves a request that offers an HTTP/2 cleartext upgrade ({@code Upgrade: h2c}, which Java's
 * {@code HttpClient} sends by default) as the plain HTTP/1.1 request it also is, as RFC 9113 allows.
 *
 * <p>Grizzly 4.0.x marks such a request as "upgrading" and, with no HTTP/2 filter to take the upgrade,
 * then skips its response semantics: the response goes out without {@code Content-Type}. (Grizzly issue
 * 2192; fixed upstream by the same reset this filter does.) The filter sits right after Grizzly's HTTP
 * codec, which announces the upgrade as an event before it reads the body.
 */
final class DeclineHttp2UpgradeAddOn
        implements AddOn
{
    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder)
    {
        int codec = builder.indexOfType(HttpServerFilter.class);
        if (codec < 0) {
            throw new IllegalStateException("No HTTP codec in the filter chain of listener " + listener.getName());
        }
        builder.add(codec + 1, new DeclineHttp2UpgradeFilter());
    }

    private static final class DeclineHttp2UpgradeFilter
            extends BaseFilter
    {
        @Override
        public NextAction handleEvent(FilterChainContext context, FilterChainEvent event)
                throws IOException
        {
            if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                HttpHeader request = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                DataChunk upgrade = request.getUpgradeDC();
                if (upgrade.equalsIgnoreCase("h2c") || upgrade.equalsIgnoreCase("h2")) {
                    request.setIgnoreContentModifiers(false);
                    upgrade.recycle();
                }
            }
            return context.getInvokeAction();
        }
    }
}
