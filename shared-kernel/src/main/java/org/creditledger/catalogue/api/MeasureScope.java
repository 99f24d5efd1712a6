package org.creditledger.catalogue.api;

public enum MeasureScope {
    /** 全国失信惩戒措施基础清单 */
    NATIONAL_BASE,
    /** 地方补充清单: must cite 法律、法规或党中央、国务院政策文件 */
    LOCAL_SUPPLEMENT
}
