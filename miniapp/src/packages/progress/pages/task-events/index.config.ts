export default definePageConfig({
  navigationBarTitleText: '任务的活动',
  enablePullDownRefresh: true,
});
