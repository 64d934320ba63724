export default definePageConfig({
  navigationBarTitleText: '主题活动',
  enablePullDownRefresh: true,
});
