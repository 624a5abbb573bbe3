<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>TcoChart</name>
    <message>
        <source>10,000 CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>thousand CNY</source>
        <translation>千元</translation>
    </message>
    <message>
        <source>New-energy truck</source>
        <translation>新能源车</translation>
    </message>
    <message>
        <source>Diesel truck</source>
        <translation>柴油车</translation>
    </message>
    <message>
        <source>Break-even</source>
        <translation>回本点</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Cumulative cost (discounted)</source>
        <translation>累计成本（折现）</translation>
    </message>
</context>
<context>
    <name>TcoDialog</name>
    <message>
        <source>TCO calculator</source>
        <translation>全生命周期成本（TCO）计算器</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>TcoPage</name>
    <message>
        <source>Please correct the marked inputs; the results are for the last valid inputs.</source>
        <translation>请修改标红的输入；下方结果仍为上一次有效输入的结果。</translation>
    </message>
    <message>
        <source>Reset to the model&apos;s defaults</source>
        <translation>恢复该车型的默认值</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Cash flow by year</source>
        <translation>逐年现金流</translation>
    </message>
    <message>
        <source>Where the money goes</source>
        <translation>成本构成</translation>
    </message>
    <message>
        <source>CNY per year; PV = present value, discounted at the discount rate</source>
        <translation>每年金额（元）；现值 = 按折现率折现后的金额</translation>
    </message>
    <message>
        <source>CNY over all years, not discounted</source>
        <translation>全部年份合计（元），未折现</translation>
    </message>
    <message>
        <source>Total cost of ownership: %1 vs diesel</source>
        <translation>全生命周期成本：%1 对比柴油车</translation>
    </message>
    <message>
        <source>Total cost of ownership: new-energy vs diesel truck</source>
        <translation>全生命周期成本：新能源车对比柴油车</translation>
    </message>
    <message>
        <source>%1 · change any figure to the buyer&apos;s own; results update as you type.</source>
        <translation>%1 · 任何数字都可改为客户自己的数据，结果随输入即时更新。</translation>
    </message>
</context>
<context>
    <name>TcoResults</name>
    <message>
        <source>Purchase (after subsidy, with tax)</source>
        <translation>购车（扣除补贴，含购置税）</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能源费</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维保</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <source>Tolls</source>
        <translation>通行费</translation>
    </message>
    <message>
        <source>Battery rent</source>
        <translation>电池租金</translation>
    </message>
    <message>
        <source>Loan payments</source>
        <translation>贷款还款</translation>
    </message>
    <message>
        <source>Residual value</source>
        <translation>残值</translation>
    </message>
    <message>
        <source>None within 1 year</source>
        <translation>1 年内不回本</translation>
    </message>
    <message>
        <source>None within %1 years</source>
        <translation>%1 年内不回本</translation>
    </message>
    <message>
        <source>From the day of purchase</source>
        <translation>购车即更省</translation>
    </message>
    <message>
        <source>After about %1 years (in year %2)</source>
        <translation>约 %1 年（第 %2 年内）</translation>
    </message>
    <message>
        <source>Savings with the new-energy truck</source>
        <translation>新能源车节省</translation>
    </message>
    <message>
        <source>Break-even</source>
        <translation>回本时间</translation>
    </message>
    <message>
        <source>Cost per km (new-energy / diesel)</source>
        <translation>每公里成本（新能源 / 柴油，元）</translation>
    </message>
    <message>
        <source>CO₂ avoided</source>
        <translation>减少二氧化碳排放</translation>
    </message>
    <message>
        <source>Extra cost of the new-energy truck</source>
        <translation>新能源车多花费</translation>
    </message>
    <message>
        <source>TCO %1 vs %2</source>
        <translation>TCO %1 对比 %2</translation>
    </message>
    <message>
        <source>Discount rate %1 %</source>
        <translation>折现率 %1%</translation>
    </message>
    <message>
        <source>Per tonne-km: %1 / %2</source>
        <translation>每吨公里：%1 / %2 元</translation>
    </message>
    <message>
        <source>Extra CO₂ of the new-energy truck</source>
        <translation>新能源车多排放二氧化碳</translation>
    </message>
    <message>
        <source>%1 t</source>
        <translation>%1 吨</translation>
    </message>
    <message>
        <source>%1 t a year</source>
        <translation>每年 %1 吨</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>New-energy</source>
        <translation>新能源车</translation>
    </message>
    <message>
        <source>Diesel</source>
        <translation>柴油车</translation>
    </message>
    <message>
        <source>New-energy
cumulative PV</source>
        <translation>新能源车
累计现值</translation>
    </message>
    <message>
        <source>Diesel
cumulative PV</source>
        <translation>柴油车
累计现值</translation>
    </message>
    <message>
        <source>Savings
cumulative PV</source>
        <translation>累计节省
（现值）</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用项目</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
</TS>
