package org.creditledger.publicdecision.command;

import org.creditledger.listing.api.WorkingDayCalendar;
import org.creditledger.platform.i18n.LabelledEnums;
import org.creditledger.publicdecision.api.ComplianceDefect;
import org.creditledger.publicdecision.api.DayCounting;
import org.creditledger.publicdecision.api.DecisionKind;
import org.creditledger.publicdecision.api.PublicationChannel;
import org.creditledger.publicdecision.api.PublicationLimit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.EnumMap;
import java.util.Map;

/** The publication limits of 双公示 from {@link PublicDecisionProperties} and the shared working-day calendar. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicDecisionProperties.class)
class PublicDecisionConfiguration {

    @Bean
    PublicationDeadlines publicationDeadlines(PublicDecisionProperties properties, WorkingDayCalendar calendar) {
        Map<DecisionKind, PublicationLimit> limits = new EnumMap<>(DecisionKind.class);
        for (DecisionKind kind : DecisionKind.values()) {
            limits.put(kind, properties.limit(kind));
        }
        return new PublicationDeadlines(limits, calendar);
    }

    /** The 双公示 words a person reads: decision kinds, channels, compliance defects, day counting. */
    @Bean
    LabelledEnums publicDecisionVocabulary() {
        return LabelledEnums.of(DecisionKind.class, PublicationChannel.class, ComplianceDefect.class, DayCounting.class);
    }
}
