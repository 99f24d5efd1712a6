package org.creditledger.publicdecision.query;

import io.swagger.v3.oas.annotations.media.Schema;
import org.creditledger.publicdecision.api.DecisionKind;
import org.creditledger.publicdecision.api.PublicationChannel;
import org.creditledger.subject.SubjectKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Published decisions after a position, oldest first, in the field layout of the national 双公示 data standard
 * (行政许可、行政处罚信用信息数据标准) under English names; the standard's Chinese name is each field's description.
 * The ledger itself pushes nothing to an outside site: an adapter reads this feed and pushes to 信用中国.
 *
 * @param items published decisions with {@code position > since}, at most {@code size}
 * @param since the position asked for
 * @param next  the position to ask for next ({@code since} of the next call): the last item's, or {@code since} when empty
 * @param more  whether more published decisions follow {@code next} now
 */
@Schema(description = "双公示 feed: published licensing and penalty decisions after a position. The ledger pushes "
        + "nothing to outside sites (信用中国 …); an adapter reads this feed and pushes what it reads.")
public record DecisionFeed(List<Item> items, long since, long next, boolean more) {

    public DecisionFeed {
        items = List.copyOf(items);
    }

    /** One published decision. */
    public record Item(
            @Schema(description = "位置: the ledger position of the publication (global event index); pass the last one as since")
            long position,
            @Schema(description = "决定标识: the ledger's id of the decision; the same decision never has two")
            UUID decisionId,
            @Schema(description = "决定类别: 行政许可 (LICENSING) or 行政处罚 (PENALTY)")
            DecisionKind kind,
            @Schema(description = "行政相对人名称")
            String subjectName,
            @Schema(description = "行政相对人类别: 法人及非法人组织, 个体工商户, 自然人")
            SubjectKind subjectKind,
            @Schema(description = "统一社会信用代码 (法人及非法人组织, 个体工商户); null for a natural person")
            String creditCode,
            @Schema(description = "证件号码 (自然人), masked as published: birth date and sequence hidden; null otherwise")
            String idNumber,
            @Schema(description = "决定文书号: 行政许可决定文书号 / 行政处罚决定书文号")
            String decisionNo,
            @Schema(description = "决定日期: 许可决定日期 / 处罚决定日期")
            LocalDate decidedOn,
            @Schema(description = "有效期自")
            LocalDate validFrom,
            @Schema(description = "有效期至")
            LocalDate validUntil,
            @Schema(description = "许可内容 / 处罚内容")
            String content,
            @Schema(description = "许可机关 / 处罚机关 (数据来源单位): the unit's id in the ledger")
            String unitId,
            @Schema(description = "公示日期")
            LocalDate publishedOn,
            @Schema(description = "公示渠道")
            PublicationChannel channel,
            @Schema(description = "是否按时公示 (及时)")
            boolean onTime) {
    }
}
