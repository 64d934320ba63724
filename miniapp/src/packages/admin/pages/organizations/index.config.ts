export default definePageConfig({
  navigationBarTitleText: '单位与成员',
});
