package org.creditledger.listing.command;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.creditledger.listing.api.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "one active entry per subject and list" table changes in the transaction that appends the event (a subscribing
 * processor), and its failures must fail the command: a subscribing processor's default listener error handler only
 * logs, which would store the second entry and leave the table wrong.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class ListingCommandConfiguration {

    @Autowired
    void subscribeLookupTables(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(ActiveListEntries.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ActiveListEntries.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * Working days for objection deadlines: public holidays and the weekend days worked instead, from
     * {@link CalendarProperties} (defaults: the 2025 schedule). Years without data count Monday to Friday.
     */
    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar workingDayCalendar(CalendarProperties calendar) {
        return calendar.calendar();
    }
}
