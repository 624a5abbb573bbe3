<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>KeypadPanel</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>KioskBrowse</name>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Cost vs diesel</source>
        <translation>与柴油车算账</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>全部（%1）</translation>
    </message>
    <message>
        <source>%1 models; showing %2 — choose a filter to see the others.</source>
        <translation>共 %1 款车型，显示前 %2 款——请选择筛选条件查看其他车型。</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>共 %1 款车型</translation>
    </message>
    <message>
        <source>No model matches these filters.</source>
        <translation>没有符合这些条件的车型。</translation>
    </message>
    <message>
        <source>Our trucks — tap one to see it</source>
        <translation>我们的卡车——点击查看详情</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>补能方式</translation>
    </message>
</context>
<context>
    <name>KioskExit</name>
    <message>
        <source>Tap your name first.</source>
        <translation>请先点选您的姓名。</translation>
    </message>
    <message>
        <source>Type your PIN on the keypad.</source>
        <translation>请用数字键盘输入 PIN。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证……</translation>
    </message>
    <message>
        <source>The PIN could not be checked: %1</source>
        <translation>无法验证 PIN：%1</translation>
    </message>
    <message>
        <source>Staff only: leave kiosk mode</source>
        <translation>仅限工作人员：退出自助模式</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>您是哪位工作人员？</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>退出自助模式</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>返回自助模式</translation>
    </message>
</context>
<context>
    <name>KioskInterest</name>
    <message>
        <source>Tick at least one truck you are interested in.</source>
        <translation>请至少勾选一款您感兴趣的车型。</translation>
    </message>
    <message>
        <source>Please tick “I agree” to send your number.</source>
        <translation>请勾选“我同意”后再提交。</translation>
    </message>
    <message>
        <source>Please check the marked fields.</source>
        <translation>请检查标红的内容。</translation>
    </message>
    <message>
        <source>Sorry, this could not be saved: %1
Please ask our staff.</source>
        <translation>抱歉，未能保存：%1
请联系现场工作人员。</translation>
    </message>
    <message>
        <source>Leave your number — we will call you</source>
        <translation>留下电话，我们联系您</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>1. Trucks you are interested in</source>
        <translation>1. 您感兴趣的车型</translation>
    </message>
    <message>
        <source>2. Your mobile number</source>
        <translation>2. 您的手机号码</translation>
    </message>
    <message>
        <source>Your name (optional)</source>
        <translation>您的姓名（可不填）</translation>
    </message>
    <message>
        <source>Company (optional)</source>
        <translation>单位（可不填）</translation>
    </message>
    <message>
        <source>3. I agree:</source>
        <translation>3. 我同意：</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Thank you! Our team will contact you soon.</source>
        <translation>谢谢！我们的销售人员会尽快与您联系。</translation>
    </message>
</context>
<context>
    <name>KioskSettingsBox</name>
    <message>
        <source>Only a manager who is signed in can change these.</source>
        <translation>只有已登录的经理可以修改这些设置。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>展台自助模式</translation>
    </message>
    <message>
        <source>Full screen for buyers at the booth: catalog, comparison, cost against diesel and “I am interested” only. After the idle time everything a visitor typed is wiped and pictures of the models play. Leaving needs a staff PIN.</source>
        <translation>供展台客户自助使用的全屏模式：只有车型目录、对比、与柴油车算账和“我有意向”。无人操作超过空闲时间后，访客输入的内容全部清除并轮播车型图片。退出需要工作人员 PIN。</translation>
    </message>
    <message>
        <source>Idle time (seconds)</source>
        <translation>空闲时间（秒）</translation>
    </message>
    <message>
        <source>Each picture shows for (seconds)</source>
        <translation>每张图片展示时间（秒）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Start kiosk mode</source>
        <translation>进入展台自助模式</translation>
    </message>
</context>
<context>
    <name>KioskTco</name>
    <message>
        <source>← All trucks</source>
        <translation>← 全部车型</translation>
    </message>
    <message>
        <source>I am interested</source>
        <translation>我有意向</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>All trucks</source>
        <translation>全部车型</translation>
    </message>
    <message>
        <source>I am interested</source>
        <translation>我有意向</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Compare (%1)</source>
        <translation>对比（%1）</translation>
    </message>
    <message>
        <source>Up to four trucks can be compared at once.</source>
        <translation>最多可同时对比 4 款车型。</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
</TS>
